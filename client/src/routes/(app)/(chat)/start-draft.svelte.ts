/**
 * What is typed on the start page. Starting a conversation (by sending, or with the
 * "New conversation" button) takes it along, so nothing typed there is lost.
 */
class StartDraft {
  text = $state('');

  take(): string {
    const text = this.text;
    this.text = '';
    return text;
  }
}

export const startDraft = new StartDraft();

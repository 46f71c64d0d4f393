/** Whether the conversation list is shown as a drawer (phones); on wide screens it always shows. */
class Sidebar {
  #open = $state(false);
  #returnFocusTo: HTMLElement | null = null;

  get open(): boolean {
    return this.#open;
  }

  show(): void {
    this.#returnFocusTo =
      document.activeElement instanceof HTMLElement ? document.activeElement : null;
    this.#open = true;
  }

  /** Closes the drawer; `restoreFocus` puts keyboard focus back where it was before opening. */
  hide(restoreFocus = false): void {
    if (!this.#open) return;
    this.#open = false;
    if (restoreFocus) this.#returnFocusTo?.focus();
    this.#returnFocusTo = null;
  }
}

export const sidebar = new Sidebar();

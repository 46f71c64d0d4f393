import type { Generation } from './generation.ts';

/** The replies being written in this process, by message and by conversation. */
export class Generations {
  readonly #byMessage = new Map<number, Generation>();
  readonly #busyConversations = new Set<number>();

  get(messageId: number): Generation | undefined {
    return this.#byMessage.get(messageId);
  }

  /** Claims a conversation for one reply; false when a reply is already being written there. */
  claim(conversationId: number): boolean {
    if (this.#busyConversations.has(conversationId)) return false;
    this.#busyConversations.add(conversationId);
    return true;
  }

  release(conversationId: number): void {
    this.#busyConversations.delete(conversationId);
  }

  /** Runs a generation; the conversation is released when it has been stored. */
  run(generation: Generation): void {
    this.#byMessage.set(generation.messageId, generation);
    void generation.start().finally(() => {
      this.#byMessage.delete(generation.messageId);
      this.release(generation.request.conversationId);
    });
  }

  /** Stops the reply being written in a conversation, if any (before deleting it). */
  async stopInConversation(conversationId: number): Promise<void> {
    const running = [...this.#byMessage.values()].filter(
      (g) => g.request.conversationId === conversationId,
    );
    await Promise.all(running.map((g) => g.stop('user')));
  }

  /** Stops every reply a user's messages started (before deleting the user). */
  async stopForUser(userId: number): Promise<void> {
    const running = [...this.#byMessage.values()].filter((g) => g.request.userId === userId);
    await Promise.all(running.map((g) => g.stop('user')));
  }

  /** On shutdown: stops every reply and waits until each is stored. */
  async stopAll(): Promise<void> {
    await Promise.all([...this.#byMessage.values()].map((g) => g.stop('shutdown')));
  }
}

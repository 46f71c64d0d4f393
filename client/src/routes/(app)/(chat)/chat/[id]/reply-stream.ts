import type { CombinedError } from '@urql/core';
import { useFragment } from '$lib/graphql';
import type { ChatMessageFragment } from '$lib/graphql/graphql';

export type ChatToolCall = ChatMessageFragment['toolCalls'][number];
import { errorCode, handleError } from '$lib/handle-error';
import { client } from '$lib/urql';
import { ChatMessageFields, MessageStreamSubscription } from './conversation.graphql';

/** Waits before following a reply again after the stream failed, growing per failure in a row. */
const RETRY_DELAYS_MS = [1_000, 2_000, 5_000, 10_000];

export interface ReplyListener {
  /** New text at `offset`; returns false when text before it is missing. */
  delta(messageId: string, text: string, offset: number): boolean;
  /** The reply as stored, once it is finished. */
  completed(message: ChatMessageFragment): void;
  /** A tool call started, waits for approval, or ended. */
  toolCall(messageId: string, call: ChatToolCall): void;
  isStreaming(messageId: string): boolean;
}

/**
 * Follows one reply over the WebSocket. The socket client reconnects and subscribes again on its
 * own (the server then resends all text so far from offset 0); this covers the cases it gives up
 * on, and a gap in the text, by subscribing afresh.
 */
export class ReplyStream {
  readonly #listener: ReplyListener;
  #subscription: { unsubscribe(): void } | null = null;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #closed = false;

  constructor(listener: ReplyListener) {
    this.#listener = listener;
  }

  /** True once the page showing the reply has gone. */
  get closed(): boolean {
    return this.#closed;
  }

  follow(messageId: string): void {
    this.#stop();
    if (this.#closed) return;
    this.#subscription = client
      .subscription(MessageStreamSubscription, { messageId })
      .subscribe((result) => {
        if (result.error) return this.#failed(messageId, result.error);
        const event = result.data?.messageStream;
        if (!event) return;
        this.#failures = 0;
        if (event.__typename === 'MessageDelta') {
          if (!this.#listener.delta(messageId, event.text, event.offset)) this.follow(messageId);
          return;
        }
        if (event.__typename === 'ToolCallEvent') {
          return this.#listener.toolCall(messageId, event.toolCall);
        }
        this.#listener.completed(useFragment(ChatMessageFields, event.message));
        this.#stop();
      });
  }

  close(): void {
    this.#closed = true;
    this.#stop();
  }

  #stop(): void {
    clearTimeout(this.#retryTimer);
    this.#subscription?.unsubscribe();
    this.#subscription = null;
  }

  #failed(messageId: string, error: CombinedError): void {
    this.#stop();
    if (this.#closed || !this.#listener.isStreaming(messageId)) return;
    const code = errorCode(error);
    if (code === 'NOT_FOUND' || code === 'FORBIDDEN') return handleError(error);
    const delay = RETRY_DELAYS_MS[Math.min(this.#failures, RETRY_DELAYS_MS.length - 1)];
    this.#failures += 1;
    this.#retryTimer = setTimeout(() => this.follow(messageId), delay);
  }
}

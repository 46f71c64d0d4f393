import { useFragment } from '$lib/graphql';
import type { ChatMessageFragment } from '$lib/graphql/graphql';
import { errorCode, errorMessage, handleError } from '$lib/handle-error';
import { budget } from '$lib/state/budget.svelte';
import { client } from '$lib/urql';
import { ConversationSummaryFields } from '../../conversation-list.graphql';
import { conversationList, type ConversationSummary } from '../../conversation-list.svelte';
import { startDraft } from '../../start-draft.svelte';
import {
  ChatMessageFields,
  ConversationQuery,
  ConversationSummaryQuery,
  SendMessageMutation,
  StopGenerationMutation,
} from './conversation.graphql';
import { ReplyStream, type ChatToolCall } from './reply-stream';

export type ChatMessage = ChatMessageFragment;

/** Conversations just started from the start page, and whether to send its draft at once. */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a hand-off between pages, never shown
const startedHere = new Map<string, { send: boolean }>();

/** The new conversation's page takes over the start page's draft when it opens. */
export function takeOverStartDraft(conversationId: string, options: { send: boolean }): void {
  startedHere.set(conversationId, options);
}

/** One open conversation: its messages, the message being written, and the reply streaming in. */
export class ConversationView {
  readonly id: string;
  draft = $state('');
  model = $state('');
  sendError = $state<string | null>(null);
  #summary = $state<ConversationSummary | null>(null);
  #messages = $state<ChatMessage[]>([]);
  #status = $state<'loading' | 'ready' | 'missing' | 'failed'>('loading');
  #sending = $state(false);
  #stopping = $state(false);
  readonly #stream: ReplyStream;

  constructor(id: string) {
    this.id = id;
    this.#stream = new ReplyStream({
      delta: (messageId, text, offset) => this.#applyDelta(messageId, text, offset),
      completed: (message) => this.#store(message),
      toolCall: (messageId, call) => this.showToolCall(messageId, call),
      isStreaming: (messageId) => this.#find(messageId)?.status === 'STREAMING',
    });
  }

  get summary(): ConversationSummary | null {
    return this.#summary;
  }

  get messages(): readonly ChatMessage[] {
    return this.#messages;
  }

  get status(): 'loading' | 'ready' | 'missing' | 'failed' {
    return this.#status;
  }

  get sending(): boolean {
    return this.#sending;
  }

  get stopping(): boolean {
    return this.#stopping;
  }

  /** The reply being written, if any. */
  get streaming(): ChatMessage | undefined {
    return this.#messages.findLast((message) => message.status === 'STREAMING');
  }

  async load(): Promise<void> {
    this.#status = 'loading';
    const result = await client
      .query(ConversationQuery, { id: this.id }, { requestPolicy: 'network-only' })
      .toPromise();
    if (this.#stream.closed) return;
    const conversation = result.data?.conversation;
    if (!conversation) {
      this.#status = result.data || errorCode(result.error) === 'NOT_FOUND' ? 'missing' : 'failed';
      if (this.#status === 'failed') handleError(result.error);
      return;
    }
    this.#summary = useFragment(ConversationSummaryFields, conversation);
    this.#messages = [...useFragment(ChatMessageFields, conversation.messages)];
    this.model = this.#summary.model;
    this.#status = 'ready';
    // A reply still being written (page reloaded, or opened elsewhere) continues here.
    const streaming = this.streaming;
    if (streaming) this.#stream.follow(streaming.id);
    const started = startedHere.get(this.id);
    startedHere.delete(this.id);
    if (started) {
      this.draft = startDraft.take();
      if (started.send) await this.send();
    }
  }

  /** Sends the draft; on failure it stays in place with the reason in `sendError`. */
  async send(): Promise<void> {
    const content = this.draft;
    if (!content.trim() || this.#sending || this.streaming) return;
    this.#sending = true;
    this.sendError = null;
    const input = { conversationId: this.id, content, model: this.model || null };
    const result = await client.mutation(SendMessageMutation, { input }).toPromise();
    this.#sending = false;
    if (!result.data) {
      // A refusal for budget reasons shows in the budget banner above the composer.
      if (!(await budget.explainsRefusal(result.error))) {
        this.sendError = errorMessage(result.error);
      }
      return;
    }
    const { userMessage, assistantMessage } = result.data.sendMessage;
    const reply = useFragment(ChatMessageFields, assistantMessage);
    this.#messages.push(useFragment(ChatMessageFields, userMessage), reply);
    if (this.draft === content) this.draft = '';
    this.#stream.follow(reply.id);
    void this.#refreshSummary();
  }

  async stop(): Promise<void> {
    const message = this.streaming;
    if (!message || this.#stopping) return;
    this.#stopping = true;
    const result = await client
      .mutation(StopGenerationMutation, { messageId: message.id })
      .toPromise();
    this.#stopping = false;
    if (!result.data) return handleError(result.error);
    this.#store(useFragment(ChatMessageFields, result.data.stopGeneration));
  }

  /** Shows a change made elsewhere on the page (rename, model). */
  updateSummary(summary: ConversationSummary): void {
    this.#summary = summary;
    conversationList.update(summary);
  }

  /** Shows a tool call's new state (from the stream, or an approval's answer). */
  showToolCall(messageId: string, call: ChatToolCall): void {
    const message = this.#find(messageId);
    if (!message) return;
    const index = message.toolCalls.findIndex((existing) => existing.id === call.id);
    if (index >= 0) message.toolCalls[index] = call;
    else message.toolCalls.push(call);
  }

  dispose(): void {
    this.#stream.close();
  }

  #find(messageId: string): ChatMessage | undefined {
    return this.#messages.find((message) => message.id === messageId);
  }

  /** Places streamed text at its offset; false when text before it is missing. */
  #applyDelta(messageId: string, text: string, offset: number): boolean {
    const message = this.#find(messageId);
    if (!message || message.status !== 'STREAMING') return true;
    if (offset > message.content.length) return false;
    // A new subscription (after a reconnect) starts over at offset 0 with all text so far.
    message.content = message.content.slice(0, offset) + text;
    return true;
  }

  #store(stored: ChatMessage): void {
    const index = this.#messages.findIndex((message) => message.id === stored.id);
    if (index >= 0) this.#messages[index] = stored;
  }

  // The first message names the conversation and every message moves it to the top of the list.
  async #refreshSummary(): Promise<void> {
    const result = await client
      .query(ConversationSummaryQuery, { id: this.id }, { requestPolicy: 'network-only' })
      .toPromise();
    const conversation = result.data?.conversation;
    if (!conversation || this.#stream.closed) return;
    this.#summary = useFragment(ConversationSummaryFields, conversation);
    conversationList.moveToTop(this.#summary);
  }
}

import type { MikroORM } from '@mikro-orm/sqlite';
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { Anthropic, describeUpstreamError } from '../../integrations/anthropic.ts';
import type { Logger } from '../../logger.ts';
import type { PubSub } from '../../pubsub.ts';
import { Conversation } from '../conversations/conversation.entity.ts';
import { Message, type MessageStatus } from '../conversations/message.entity.ts';
import { callCostUsd, noUsage, type ModelPrice, type Usage } from '../models/pricing.ts';

/** A crash loses at most this much text: the stream is written to disk no more often. */
export const CHECKPOINT_MS = 2_000;

export type GenerationRequest = {
  messageId: number;
  conversationId: number;
  model: string;
  price: ModelPrice;
  system: string | undefined;
  history: MessageParam[];
  maxTokens: number;
};

export type GenerationDeps = {
  orm: MikroORM;
  anthropic: Anthropic;
  pubsub: PubSub;
  logger: Logger;
};

type Ending = { status: MessageStatus; stopReason: string | null; error: string | null };

/**
 * One assistant reply being written, owned by the server rather than by any subscriber: it
 * streams from the upstream into `text`, signals subscribers, checkpoints every few seconds and
 * stores the result once, whatever happens to the clients watching.
 */
export class Generation {
  text = '';
  done = false;
  readonly #abort = new AbortController();
  #stopReason: 'user' | 'shutdown' | null = null;
  #usage: Usage = noUsage();
  #reportedOutput = false;
  #lastCheckpoint = Date.now();
  #checkpoint: Promise<unknown> = Promise.resolve();
  #finished: Promise<void> | undefined;

  constructor(
    readonly request: GenerationRequest,
    private readonly deps: GenerationDeps,
  ) {}

  get messageId() {
    return this.request.messageId;
  }

  /** Runs to the end; never rejects. */
  start(): Promise<void> {
    this.#finished ??= this.#run().catch((error: unknown) => {
      this.deps.logger.error({ err: error, messageId: this.messageId }, 'generation crashed');
    });
    return this.#finished;
  }

  /** Aborts the upstream call; the text so far and the tokens spent are kept. */
  stop(reason: 'user' | 'shutdown'): Promise<void> {
    this.#stopReason ??= reason;
    this.#abort.abort();
    return this.#finished ?? Promise.resolve();
  }

  async #run(): Promise<void> {
    let ending: Ending;
    try {
      ending = await this.#stream();
    } catch (error) {
      ending = this.#endingFor(error);
    }
    await this.#store(ending);
  }

  async #stream(): Promise<Ending> {
    const { model, system, history, maxTokens } = this.request;
    const stream = await this.deps.anthropic.messages.create(
      {
        model,
        max_tokens: maxTokens,
        messages: history,
        stream: true,
        ...(system ? { system } : {}),
      },
      { signal: this.#abort.signal },
    );
    let stopReason: string | null = null;
    for await (const event of stream) {
      if (event.type === 'message_start') {
        const usage = event.message.usage;
        this.#usage = {
          inputTokens: usage.input_tokens,
          outputTokens: usage.output_tokens,
          cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
          cacheReadTokens: usage.cache_read_input_tokens ?? 0,
        };
      } else if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') {
        this.#append(event.delta.text);
      } else if (event.type === 'message_delta') {
        const usage = event.usage;
        this.#usage = {
          inputTokens: usage.input_tokens ?? this.#usage.inputTokens,
          outputTokens: usage.output_tokens,
          cacheWriteTokens: usage.cache_creation_input_tokens ?? this.#usage.cacheWriteTokens,
          cacheReadTokens: usage.cache_read_input_tokens ?? this.#usage.cacheReadTokens,
        };
        this.#reportedOutput = true;
        stopReason = event.delta.stop_reason;
      }
    }
    if (this.#stopReason) return this.#stopped();
    return { status: 'COMPLETE', stopReason, error: null };
  }

  #endingFor(error: unknown): Ending {
    if (this.#stopReason || error instanceof Anthropic.APIUserAbortError) return this.#stopped();
    this.deps.logger.warn({ err: error, messageId: this.messageId }, 'upstream call failed');
    return { status: 'FAILED', stopReason: 'error', error: describeUpstreamError(error) };
  }

  #stopped(): Ending {
    if (this.#stopReason === 'shutdown') {
      return {
        status: 'FAILED',
        stopReason: 'shutdown',
        error: 'The server restarted while this reply was being written.',
      };
    }
    return { status: 'STOPPED', stopReason: this.#stopReason ?? 'user', error: null };
  }

  #append(text: string) {
    this.text += text;
    this.deps.pubsub.publish('messageStream', this.messageId, { kind: 'delta' });
    if (Date.now() - this.#lastCheckpoint >= CHECKPOINT_MS) {
      this.#lastCheckpoint = Date.now();
      const content = this.text;
      this.#checkpoint = this.#checkpoint.then(() =>
        this.deps.orm.em.fork().nativeUpdate(Message, { id: this.messageId }, { content }),
      );
    }
  }

  /**
   * Without a final message_delta (stopped or broken off) the upstream never said how many tokens
   * it wrote: count them from the text, conservatively (3 characters a token; real text averages
   * nearer 4), so a user is never charged less than they used.
   */
  #finalUsage(): Usage {
    if (this.#reportedOutput) return this.#usage;
    const counted = Math.ceil(this.text.length / 3);
    return { ...this.#usage, outputTokens: Math.max(this.#usage.outputTokens, counted) };
  }

  async #store(ending: Ending): Promise<void> {
    await this.#checkpoint.catch(() => {});
    const usage = this.#finalUsage();
    const em = this.deps.orm.em.fork();
    await em.transactional(async (tx) => {
      await tx.nativeUpdate(
        Message,
        { id: this.messageId },
        {
          content: this.text,
          ...ending,
          ...usage,
          costUsd: callCostUsd(this.request.price, usage),
          completedAt: new Date(),
        },
      );
      await tx.nativeUpdate(
        Conversation,
        { id: this.request.conversationId },
        { lastActivityAt: new Date() },
      );
    });
    this.done = true;
    this.deps.pubsub.publish('messageStream', this.messageId, { kind: 'completed' });
  }
}

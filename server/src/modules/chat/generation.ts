import type { MikroORM } from '@mikro-orm/sqlite';
import type { MessageParam } from '@anthropic-ai/sdk/resources/messages';
import { Anthropic, describeUpstreamError } from '../../integrations/anthropic.ts';
import type { Logger } from '../../logger.ts';
import type { PubSub } from '../../pubsub.ts';
import { Conversation } from '../conversations/conversation.entity.ts';
import { Message, type MessageStatus } from '../conversations/message.entity.ts';
import type { Breach, Reservation } from '../budget/budget-gate.ts';
import type { Budgets } from '../budget/budgets.ts';
import { NANOS_PER_USD, type ModelPrice } from '../models/pricing.ts';
import { CallBlocks } from './call-blocks.ts';
import { CallMeter } from './call-meter.ts';
import { ToolRunner, type LiveToolCall, type ToolRunnerDeps } from './tool-runner.ts';
import type { ToolSet } from './tool-set.ts';

/** A crash loses at most this much text: the stream is written to disk no more often. */
export const CHECKPOINT_MS = 2_000;

export type GenerationRequest = {
  messageId: number;
  conversationId: number;
  userId: number;
  /** The budgets' claim for this reply; its `maxTokens` is what they can pay for. */
  reservation: Reservation;
  model: string;
  price: ModelPrice;
  system: string | undefined;
  history: MessageParam[];
  /** The MCP tools offered to Claude in this reply; null for none. */
  tools: ToolSet | null;
};

export type GenerationDeps = {
  orm: MikroORM;
  anthropic: Anthropic;
  pubsub: PubSub;
  logger: Logger;
  budgets: Budgets;
} & ToolRunnerDeps;

type StopReason = 'user' | 'shutdown' | 'budget';

type Ending = { status: MessageStatus; stopReason: string | null; error: string | null };

/** How one upstream call ended, and what it said, to send back in a tool round. */
type CallEnd = { stopReason: string | null; blocks: CallBlocks };

/**
 * One assistant reply being written, owned by the server rather than by any subscriber: it
 * streams from the upstream into `text`, signals subscribers, checkpoints every few seconds and
 * stores the result once, whatever happens to the clients watching.
 */
export class Generation {
  text = '';
  done = false;
  readonly #abort = new AbortController();
  #stopReason: StopReason | null = null;
  #breach: Breach | null = null;
  readonly #meter: CallMeter;
  #lastCheckpoint = Date.now();
  #checkpoint: Promise<unknown> = Promise.resolve();
  #finished: Promise<void> | undefined;
  /** Runs the tools Claude calls; null when none are offered. */
  readonly tools: ToolRunner | null;

  constructor(
    readonly request: GenerationRequest,
    private readonly deps: GenerationDeps,
  ) {
    this.tools = request.tools ? new ToolRunner(request.messageId, request.tools, deps) : null;
    this.#meter = new CallMeter(request.price);
  }

  /** The reply's tool calls so far, as they are now. */
  get toolCalls(): readonly LiveToolCall[] {
    return this.tools?.calls ?? [];
  }

  /** Each state the tool calls went through, in order. */
  get toolCallChanges(): readonly LiveToolCall[] {
    return this.tools?.changes ?? [];
  }

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
  stop(reason: StopReason): Promise<void> {
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

  /**
   * The reply: one upstream call, or several when Claude uses tools. Each call that ends in
   * tool_use is charged, its tools run (in parallel), and their results go back in the next call,
   * for at most `maxRounds` rounds; the call after the last round may not use tools.
   */
  async #stream(): Promise<Ending> {
    const messages = [...this.request.history];
    for (let round = 0; ; round++) {
      const lastRound = this.tools !== null && round >= this.tools.maxRounds;
      const call = await this.#call(messages, lastRound);
      if (this.#stopReason) return this.#stopped();
      if (call.stopReason !== 'tool_use' || !this.tools) {
        return { status: 'COMPLETE', stopReason: call.stopReason, error: null };
      }
      if (lastRound) return { status: 'COMPLETE', stopReason: 'max_tool_rounds', error: null };
      await this.#chargeCall(null);
      messages.push({ role: 'assistant', content: call.blocks.content() });
      const results = await this.tools.run(
        call.blocks.toolUses(),
        this.text.length,
        this.#abort.signal,
      );
      if (this.#stopReason) return this.#stopped();
      messages.push({ role: 'user', content: results });
    }
  }

  /** Streams one upstream call; its text joins the reply as it comes. */
  async #call(messages: MessageParam[], withoutTools: boolean): Promise<CallEnd> {
    const { model, system, reservation } = this.request;
    const tools = this.tools?.tools.definitions;
    const stream = await this.deps.anthropic.messages.create(
      {
        model,
        max_tokens: reservation.maxTokens,
        messages,
        stream: true,
        ...(system ? { system } : {}),
        ...(tools ? { tools, ...(withoutTools ? { tool_choice: { type: 'none' } } : {}) } : {}),
      },
      { signal: this.#abort.signal },
    );
    const blocks = new CallBlocks();
    let stopReason: string | null = null;
    let wroteText = false;
    for await (const event of stream) {
      if (event.type === 'message_start') {
        this.#meter.started(event.message.usage);
        this.#checkBudget();
      } else if (event.type === 'content_block_start') {
        blocks.start(event);
      } else if (event.type === 'content_block_delta') {
        const chars = blocks.delta(event);
        if (event.delta.type === 'text_delta') {
          if (!wroteText && this.text) this.#separate();
          wroteText = true;
          this.#append(event.delta.text);
        } else if (chars > 0) {
          this.#meter.wrote(chars); // a tool call's input is output too
          this.#checkBudget(chars);
        }
      } else if (event.type === 'message_delta') {
        this.#meter.finished(event.usage);
        stopReason = event.delta.stop_reason;
      }
    }
    return { stopReason, blocks };
  }

  /** A blank line between the text of two rounds, so they read as paragraphs. */
  #separate() {
    const gap = this.text.endsWith('\n\n') ? '' : this.text.endsWith('\n') ? '\n' : '\n\n';
    if (gap) this.text += gap;
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

  /**
   * The kill switch mid-stream: when what this call will have cost after one more delta like the
   * last (its output counted from the text, conservatively) would push a budget past its limit,
   * the upstream call is aborted, so spending stops at the limit rather than one delta past it.
   */
  #checkBudget(lastDeltaChars = 0) {
    if (this.#stopReason) return;
    const breach = this.request.reservation.running(this.#meter.runningNanos(lastDeltaChars));
    if (!breach) return;
    this.#breach = breach;
    void this.stop('budget');
  }

  #append(text: string) {
    this.text += text;
    this.#meter.wrote(text.length);
    this.#checkBudget(text.length);
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
   * Charges the upstream call that just ended: its usage goes to the ledger, and the message's
   * totals (all its calls) are written in the same transaction. With `ending`, this is the last
   * call and the reply is stored as finished. A tool loop charges each round with `null`.
   */
  async #chargeCall(ending: Ending | null): Promise<void> {
    const { reservation, userId, model, messageId, conversationId } = this.request;
    const charge = this.#meter.close();
    const { costNanos, ...tokens } = this.#meter.totals;
    const totals = { ...tokens, costUsd: costNanos / NANOS_PER_USD };
    await reservation.charge({ userId, model, ...charge }, async (tx) => {
      if (!ending) return void (await tx.nativeUpdate(Message, { id: messageId }, totals));
      await tx.nativeUpdate(
        Message,
        { id: messageId },
        { ...totals, content: this.text, ...ending, completedAt: new Date() },
      );
      await tx.nativeUpdate(Conversation, { id: conversationId }, { lastActivityAt: new Date() });
    });
  }

  /** Stores the reply and charges its last call; never throws. */
  async #store(ending: Ending): Promise<void> {
    await this.#checkpoint.catch(() => {});
    try {
      await this.#chargeCall(ending);
    } catch (error) {
      this.deps.logger.error({ err: error, messageId: this.messageId }, 'could not store a reply');
    } finally {
      this.request.reservation.release();
    }
    this.done = true;
    this.deps.pubsub.publish('messageStream', this.messageId, { kind: 'completed' });
    this.#alert();
  }

  /** Alerts never delay the reply: they are raised after it is stored. */
  #alert() {
    const { alerts } = this.deps.budgets;
    const { userId } = this.request;
    const breach = this.#breach;
    void (async () => {
      if (breach) await alerts.budgetStop(userId, breach);
      await alerts.afterCharge(userId);
    })().catch((error: unknown) => {
      this.deps.logger.error({ err: error, messageId: this.messageId }, 'budget alert failed');
    });
  }
}

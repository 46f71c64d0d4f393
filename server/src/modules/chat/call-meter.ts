import type { MessageDeltaUsage, Usage as WireUsage } from '@anthropic-ai/sdk/resources/messages';
import {
  addUsage,
  callCostNanos,
  noUsage,
  type ModelPrice,
  type Usage,
} from '../models/pricing.ts';

/** Characters a token when counting output the upstream never reported: fewer than real text. */
const CHARS_PER_TOKEN = 3;

/** One call's charge: what goes to the ledger. */
export type CallCharge = { usage: Usage; costNanos: number; calls: number };

/**
 * Meters a reply's upstream calls: the usage of the call in flight as the stream reports it, and
 * the totals of the calls already charged (a reply with tool rounds makes several).
 */
export class CallMeter {
  #usage: Usage = noUsage();
  #reportedOutput = false;
  #started = false;
  #chars = 0;
  #totals: Usage = noUsage();
  #totalNanos = 0;

  constructor(private readonly price: ModelPrice) {}

  /** message_start: the prompt's tokens, exactly. */
  started(usage: WireUsage): void {
    this.#started = true;
    this.#usage = {
      inputTokens: usage.input_tokens,
      outputTokens: usage.output_tokens,
      cacheWriteTokens: usage.cache_creation_input_tokens ?? 0,
      cacheReadTokens: usage.cache_read_input_tokens ?? 0,
    };
  }

  /** Output written so far (text, or a tool call's input). */
  wrote(chars: number): void {
    this.#chars += chars;
  }

  /** message_delta: the call's final usage. */
  finished(usage: MessageDeltaUsage): void {
    this.#reportedOutput = true;
    this.#usage = {
      inputTokens: usage.input_tokens ?? this.#usage.inputTokens,
      outputTokens: usage.output_tokens,
      cacheWriteTokens: usage.cache_creation_input_tokens ?? this.#usage.cacheWriteTokens,
      cacheReadTokens: usage.cache_read_input_tokens ?? this.#usage.cacheReadTokens,
    };
  }

  /**
   * The call's usage. Without a final message_delta (stopped or broken off) the upstream never
   * said how many tokens it wrote: they are counted from the text, conservatively, so a user is
   * never charged less than they used. `moreChars` adds output not written yet.
   */
  usage(moreChars = 0): Usage {
    if (this.#reportedOutput) return this.#usage;
    const counted = Math.ceil((this.#chars + moreChars) / CHARS_PER_TOKEN);
    return { ...this.#usage, outputTokens: Math.max(this.#usage.outputTokens, counted) };
  }

  /** What the call in flight costs so far (with `moreChars` of output to come), in nanos. */
  runningNanos(moreChars = 0): number {
    return callCostNanos(this.price, this.usage(moreChars));
  }

  /** Ends the call in flight: its charge joins the totals and the next call starts from zero. */
  close(): CallCharge {
    const usage = this.usage();
    const charge = {
      usage,
      costNanos: callCostNanos(this.price, usage),
      calls: this.#started ? 1 : 0,
    };
    this.#totals = addUsage(this.#totals, usage);
    this.#totalNanos += charge.costNanos;
    this.#usage = noUsage();
    this.#reportedOutput = false;
    this.#started = false;
    this.#chars = 0;
    return charge;
  }

  /** Every closed call together: the message's tokens and cost. */
  get totals(): Usage & { costNanos: number } {
    return { ...this.#totals, costNanos: this.#totalNanos };
  }
}

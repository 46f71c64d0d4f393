import type { IncomingHttpHeaders } from 'node:http';
import type { MessageCreateParamsBase, StopReason } from '@anthropic-ai/sdk/resources/messages';
import type { ErrorType } from '@anthropic-ai/sdk/resources/shared';

/** A request body as the fake received it; any field may be missing when the client sent junk. */
export type MessagesRequestBody = Partial<MessageCreateParamsBase>;

export interface RecordedRequest {
  method: string;
  /** Path without the query string, e.g. `/v1/messages`. */
  path: string;
  headers: IncomingHttpHeaders;
  /** Parsed JSON body, or `undefined` when the body was empty or not JSON. */
  body: MessagesRequestBody | undefined;
  /** `performance.now()` when the request arrived, to assert retry gaps. */
  receivedAt: number;
  /**
   * The connection closed before the response was complete: the client hung up (abort, a kill
   * switch) or the fake cut it (`stop()`, a hung non-streaming reply).
   */
  disconnected: boolean;
}

export interface ScriptedToolUse {
  name: string;
  input: Record<string, unknown>;
  /** Defaults to a fresh `toolu_…` id. */
  id?: string;
}

export interface ScriptedUsage {
  /** Defaults to ceil(request chars / 4). */
  input?: number;
  /** Defaults to ceil(emitted chars / 4), capped by `max_tokens`. */
  output?: number;
  cacheWrite?: number;
  cacheRead?: number;
}

/** An HTTP error returned instead of a message. */
export interface ScriptedHttpError {
  status: number;
  /** Defaults to the type Anthropic uses for the status (529 → overloaded_error, …). */
  type?: ErrorType;
  message?: string;
  /** `retry-after` header in seconds (fractions allowed: the SDK parses a float). 429 defaults to 1. */
  retryAfter?: number;
  /** `retry-after-ms` header: honoured by the SDK before `retry-after`; the real API does not send it. */
  retryAfterMs?: number;
  /** `x-should-retry` header: the SDK obeys it over its own status rules. */
  shouldRetry?: boolean;
}

/** An `event: error` frame sent in place of the rest of the stream. */
export interface ScriptedStreamError {
  afterDeltas: number;
  type?: ErrorType;
  message?: string;
}

export interface Scenario {
  /** The reply text, or a function of the request (see `echoLastUserMessage`). */
  text?: string | ((body: MessagesRequestBody) => string);
  /** Characters per text delta (and per `partial_json` chunk). Default 16. */
  chunkSize?: number;
  /** Split the text into this many deltas instead of using `chunkSize`. */
  deltas?: number;
  /** Wait after `message_start` before the first content block (non-streaming: before replying). */
  firstTokenDelayMs?: number;
  /** Wait between content deltas. */
  deltaDelayMs?: number;
  usage?: ScriptedUsage;
  /** Defaults to `tool_use` when `toolUses` is set, else `end_turn` (`max_tokens` when cut). */
  stopReason?: StopReason;
  /** tool_use blocks emitted after the text. */
  toolUses?: ScriptedToolUse[];
  httpError?: ScriptedHttpError;
  streamError?: ScriptedStreamError;
  /** Stop sending after this many deltas and keep the connection open (0 = right after message_start). */
  hangAfterDeltas?: number;
  /** How many requests this scenario answers before the queue moves on. Default 1; `Infinity` = always. */
  times?: number;
}

export interface FakeAnthropicOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** When set, requests must present this key (`x-api-key` or `Authorization: Bearer`) or get a 401. */
  apiKey?: string;
  /** Answers requests when the script queue is empty. Default: the demo answer. */
  defaultScenario?: Scenario;
}

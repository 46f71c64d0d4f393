import type { ServerResponse } from 'node:http';
import { sendHttpError, streamErrorAsHttp } from './errors.ts';
import { finishedMessage, planReply, type ReplyPlan } from './reply.ts';
import type { ScenarioQueue } from './scenarios.ts';
import { hang, isAbort, pause } from './sse.ts';
import { streamReply } from './stream.ts';
import { inputTokens } from './tokens.ts';
import type { MessagesRequestBody, Scenario } from './types.ts';

export function sendJson(res: ServerResponse, status: number, body: object): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** The first missing or malformed required field, worded like the API's validation errors. */
function invalidField(body: MessagesRequestBody, required: readonly string[]): string | undefined {
  const fields = body as Record<string, unknown>;
  for (const field of required) {
    if (fields[field] === undefined) return `${field}: Field required`;
  }
  if (typeof fields.model !== 'string') return 'model: Input should be a valid string';
  if (!Array.isArray(fields.messages)) return 'messages: Input should be a valid list';
  if (required.includes('max_tokens')) {
    const maxTokens = fields.max_tokens;
    if (typeof maxTokens !== 'number' || !Number.isInteger(maxTokens) || maxTokens < 1) {
      return 'max_tokens: Input should be a valid integer greater than or equal to 1';
    }
  }
  return undefined;
}

function rejectInvalid(
  res: ServerResponse,
  body: MessagesRequestBody,
  required: string[],
): boolean {
  const message = invalidField(body, required);
  if (message) sendHttpError(res, { status: 400, type: 'invalid_request_error', message });
  return message !== undefined;
}

export function countTokens(res: ServerResponse, body: MessagesRequestBody): void {
  if (rejectInvalid(res, body, ['model', 'messages'])) return;
  sendJson(res, 200, { input_tokens: inputTokens(body) });
}

/** A non-streaming reply: the scripted delays and failures, then the whole message at once. */
async function replyWhole(
  res: ServerResponse,
  plan: ReplyPlan,
  scenario: Scenario,
  signal: AbortSignal,
): Promise<void> {
  try {
    await pause(scenario.firstTokenDelayMs, signal);
    if (scenario.hangAfterDeltas !== undefined) {
      await hang(signal);
      res.destroy();
      return;
    }
    if (scenario.streamError) return sendHttpError(res, streamErrorAsHttp(scenario.streamError));
    sendJson(res, 200, finishedMessage(plan));
  } catch (error) {
    if (!isAbort(error)) throw error;
  }
}

/** `POST /v1/messages`: validates, takes the next scenario, then fails, streams or replies whole. */
export async function createMessage(
  res: ServerResponse,
  body: MessagesRequestBody,
  queue: ScenarioQueue,
  signal: AbortSignal,
): Promise<void> {
  if (rejectInvalid(res, body, ['model', 'messages', 'max_tokens'])) return;
  const scenario = queue.next();
  if (scenario.httpError) return sendHttpError(res, scenario.httpError);
  const plan = planReply(scenario, body);
  if (body.stream === true) await streamReply(res, plan, scenario, signal);
  else await replyWhole(res, plan, scenario, signal);
}

import type { StopReason } from '@anthropic-ai/sdk/resources/messages';
import { newId } from './ids.ts';
import { estimateTokens, inputTokens } from './tokens.ts';
import type { MessagesRequestBody, Scenario } from './types.ts';

const SCRIPTED_TEXT = 'This is a scripted reply from the fake Anthropic API.';
const DEFAULT_CHUNK_SIZE = 16;

export interface TextBlockPlan {
  type: 'text';
  text: string;
  chunks: string[];
}

export interface ToolUseBlockPlan {
  type: 'tool_use';
  id: string;
  name: string;
  input: Record<string, unknown>;
  /** `partial_json` fragments of the input. */
  chunks: string[];
}

export type BlockPlan = TextBlockPlan | ToolUseBlockPlan;

/** Everything the fake will send for one message, decided before the first byte. */
export interface ReplyPlan {
  id: string;
  model: string;
  blocks: BlockPlan[];
  stopReason: StopReason;
  inputTokens: number;
  outputTokens: number;
  cacheWrite: number;
  cacheRead: number;
}

function chunk(text: string, scenario: Scenario): string[] {
  if (text === '') return [];
  const size = scenario.deltas
    ? Math.ceil(text.length / scenario.deltas)
    : (scenario.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const chunks: string[] = [];
  for (let at = 0; at < text.length; at += Math.max(1, size))
    chunks.push(text.slice(at, at + size));
  return chunks;
}

function resolveText(scenario: Scenario, body: MessagesRequestBody): string {
  if (typeof scenario.text === 'function') return scenario.text(body);
  return scenario.text ?? (scenario.toolUses?.length ? '' : SCRIPTED_TEXT);
}

/** Builds the reply, cutting it (stop_reason max_tokens) where ~4 chars per token reach `max_tokens`. */
export function planReply(scenario: Scenario, body: MessagesRequestBody): ReplyPlan {
  const budgetChars = (body.max_tokens ?? Infinity) * 4;
  let text = resolveText(scenario, body);
  let cut = text.length > budgetChars;
  if (cut) text = text.slice(0, budgetChars);
  let usedChars = text.length;

  const blocks: BlockPlan[] = text ? [{ type: 'text', text, chunks: chunk(text, scenario) }] : [];
  for (const tool of cut ? [] : (scenario.toolUses ?? [])) {
    const json = JSON.stringify(tool.input);
    if (usedChars + tool.name.length + json.length > budgetChars) {
      cut = true;
      break;
    }
    usedChars += tool.name.length + json.length;
    const id = tool.id ?? newId('toolu');
    blocks.push({
      type: 'tool_use',
      id,
      name: tool.name,
      input: tool.input,
      chunks: chunk(json, scenario),
    });
  }

  const naturalStop: StopReason = scenario.toolUses?.length ? 'tool_use' : 'end_turn';
  const usage = scenario.usage ?? {};
  return {
    id: newId('msg'),
    model: body.model ?? 'claude-unknown',
    blocks,
    stopReason: cut ? 'max_tokens' : (scenario.stopReason ?? naturalStop),
    inputTokens: usage.input ?? inputTokens(body),
    outputTokens: usage.output ?? (cut ? body.max_tokens! : Math.max(1, estimateTokens(usedChars))),
    cacheWrite: usage.cacheWrite ?? 0,
    cacheRead: usage.cacheRead ?? 0,
  };
}

/** The usage object as the API sends it (a subset of the SDK's `Usage`). */
export interface WireUsage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
  cache_creation: { ephemeral_5m_input_tokens: number; ephemeral_1h_input_tokens: number };
  output_tokens: number;
  service_tier: 'standard';
}

export type WireContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export interface WireMessage {
  id: string;
  type: 'message';
  role: 'assistant';
  model: string;
  content: WireContentBlock[];
  stop_reason: StopReason | null;
  stop_sequence: null;
  usage: WireUsage;
}

/** Usage as the API reports it; `outputTokens` is what has been produced so far. */
export function usageOf(plan: ReplyPlan, outputTokens: number): WireUsage {
  return {
    input_tokens: plan.inputTokens,
    cache_creation_input_tokens: plan.cacheWrite,
    cache_read_input_tokens: plan.cacheRead,
    cache_creation: { ephemeral_5m_input_tokens: plan.cacheWrite, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: 'standard',
  };
}

/** The message before any content: what `message_start` carries (the API reports 1 output token). */
export function startedMessage(plan: ReplyPlan): WireMessage {
  return {
    id: plan.id,
    type: 'message',
    role: 'assistant',
    model: plan.model,
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: usageOf(plan, 1),
  };
}

export function contentBlockOf(block: BlockPlan): WireContentBlock {
  return block.type === 'text'
    ? { type: 'text', text: block.text }
    : { type: 'tool_use', id: block.id, name: block.name, input: block.input };
}

/** The whole message, as a non-streaming request returns it. */
export function finishedMessage(plan: ReplyPlan): WireMessage {
  return {
    ...startedMessage(plan),
    content: plan.blocks.map(contentBlockOf),
    stop_reason: plan.stopReason,
    usage: usageOf(plan, plan.outputTokens),
  };
}

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Message } from '../conversations/message.entity.ts';

export const TOOL_CALL_STATUSES = [
  'AWAITING_APPROVAL',
  'RUNNING',
  'DONE',
  'ERROR',
  'DENIED',
] as const;
export type ToolCallStatus = (typeof TOOL_CALL_STATUSES)[number];

/** One tool Claude called while writing a reply, with what it was given and what it returned. */
export const ToolCall = defineEntity({
  name: 'ToolCall',
  tableName: 'tool_calls',
  properties: {
    id: p.integer().primary(),
    message: () => p.manyToOne(Message).deleteRule('cascade'),
    /** Anthropic's id for the tool_use block (`toolu_…`). */
    toolUseId: p.string().length(100),
    serverName: p.string().length(32),
    toolName: p.string().length(200),
    status: p.enum(() => TOOL_CALL_STATUSES),
    input: p.json<Record<string, unknown>>(),
    /** What went back to Claude as the tool_result (cut to the output cap). */
    output: p.text().nullable(),
    isError: p.boolean().default(false),
    durationMs: p.integer().nullable(),
    /** Where in the reply's text the call was made: the client shows it there. */
    textOffset: p.integer().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    completedAt: p.datetime().nullable(),
  },
});

export type ToolCall = InferEntity<typeof ToolCall>;

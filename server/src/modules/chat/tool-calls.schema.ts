import { encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import { localId, MessageRef } from '../conversations/conversations.schema.ts';
import type { StreamEvent } from './message-stream.ts';
import { TOOL_CALL_STATUSES } from './tool-call.entity.ts';
import type { ToolCallView } from './tool-calls.service.ts';

const ToolCallStatus = builder.enumType('ToolCallStatus', {
  description:
    'AWAITING_APPROVAL: waits for approveToolCall or denyToolCall. DENIED: not run (denied, ' +
    'not approved in time, or the reply stopped first).',
  values: TOOL_CALL_STATUSES,
});

export const ToolCallRef = builder.objectRef<ToolCallView>('ToolCall').implement({
  description: 'A tool Claude called while writing a reply.',
  fields: (t) => ({
    id: t.id({ resolve: (c) => encodeGlobalID('ToolCall', c.id) }),
    serverName: t.exposeString('serverName'),
    toolName: t.exposeString('toolName', { description: 'The name on its MCP server.' }),
    status: t.field({ type: ToolCallStatus, resolve: (c) => c.status }),
    input: t.field({ type: 'JSON', resolve: (c) => c.input }),
    output: t.exposeString('output', {
      nullable: true,
      description: 'What went back to Claude (cut to the configured size, with a note).',
    }),
    isError: t.exposeBoolean('isError'),
    durationMs: t.exposeInt('durationMs', {
      nullable: true,
      description: "The tool's own time; null while it runs or when it never ran.",
    }),
    textOffset: t.exposeInt('textOffset', {
      description: "Where in the message's content Claude made the call.",
    }),
  }),
});

type ToolCallChange = Extract<StreamEvent, { kind: 'toolCall' }>;

export const ToolCallEvent = builder.objectRef<ToolCallChange>('ToolCallEvent').implement({
  description: 'A tool call started, waits for approval, or ended.',
  fields: (t) => ({ toolCall: t.field({ type: ToolCallRef, resolve: (e) => e.toolCall }) }),
});

builder.objectField(MessageRef, 'toolCalls', (t) =>
  t.field({
    type: [ToolCallRef],
    description: 'The tools called while writing this message, in the order called.',
    resolve: (m, _args, ctx) => ctx.toolCalls.forMessage(m.id),
  }),
);

builder.mutationFields((t) => ({
  approveToolCall: t.field({
    type: ToolCallRef,
    description: 'Lets a call awaiting approval run.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) =>
      ctx.toolCalls.decide(ctx.viewer, localId(String(id), 'ToolCall'), true),
  }),
  denyToolCall: t.field({
    type: ToolCallRef,
    description: 'Refuses a call awaiting approval; Claude is told it was denied.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) =>
      ctx.toolCalls.decide(ctx.viewer, localId(String(id), 'ToolCall'), false),
  }),
}));

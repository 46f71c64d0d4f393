import { builder } from '../../builder.ts';
import { localId, MessageRef } from '../conversations/conversations.schema.ts';
import type { Message } from '../conversations/message.entity.ts';
import { followMessage, type StreamEvent } from './message-stream.ts';
import { ToolCallEvent } from './tool-calls.schema.ts';

type Sent = { userMessage: Message; assistantMessage: Message };

const SendMessagePayload = builder.objectRef<Sent>('SendMessagePayload').implement({
  fields: (t) => ({
    userMessage: t.field({ type: MessageRef, resolve: (p) => p.userMessage }),
    assistantMessage: t.field({
      type: MessageRef,
      description: 'STREAMING: follow it with Subscription.messageStream.',
      resolve: (p) => p.assistantMessage,
    }),
  }),
});

const SendMessageInput = builder.inputType('SendMessageInput', {
  fields: (t) => ({
    conversationId: t.id({ required: true }),
    content: t.string({ required: true }),
    model: t.string({ description: "Defaults to the conversation's model." }),
  }),
});

type Delta = Extract<StreamEvent, { kind: 'delta' }>;
type Completed = Extract<StreamEvent, { kind: 'completed' }>;

const MessageDelta = builder.objectRef<Delta>('MessageDelta').implement({
  description: 'New text of a reply; `offset` is where it starts in the full content.',
  fields: (t) => ({ text: t.exposeString('text'), offset: t.exposeInt('offset') }),
});

const MessageCompleted = builder.objectRef<Completed>('MessageCompleted').implement({
  description: 'The reply as stored: COMPLETE, STOPPED or FAILED. The stream ends after it.',
  fields: (t) => ({ message: t.field({ type: MessageRef, resolve: (e) => e.message }) }),
});

const MessageStreamEvent = builder.unionType('MessageStreamEvent', {
  types: [MessageDelta, ToolCallEvent, MessageCompleted],
  resolveType: (event) =>
    event.kind === 'delta'
      ? MessageDelta
      : event.kind === 'toolCall'
        ? ToolCallEvent
        : MessageCompleted,
});

builder.mutationFields((t) => ({
  sendMessage: t.field({
    type: SendMessagePayload,
    description: 'Stores the message and returns at once; the reply is written server-side.',
    args: { input: t.arg({ type: SendMessageInput, required: true }) },
    resolve: (_root, { input }, ctx) =>
      ctx.chat.sendMessage(ctx.viewer, {
        conversationId: localId(String(input.conversationId), 'Conversation'),
        content: input.content,
        model: input.model,
      }),
  }),
  stopGeneration: t.field({
    type: MessageRef,
    description: 'Stops a reply being written; its text and the tokens spent so far are kept.',
    args: { messageId: t.arg.id({ required: true }) },
    resolve: (_root, { messageId }, ctx) =>
      ctx.chat.stopGeneration(ctx.viewer, localId(String(messageId), 'Message')),
  }),
}));

builder.subscriptionFields((t) => ({
  messageStream: t.field({
    type: MessageStreamEvent,
    args: { messageId: t.arg.id({ required: true }) },
    subscribe: (_root, { messageId }, ctx) =>
      followMessage(ctx, localId(String(messageId), 'Message')),
    resolve: (event) => event,
  }),
}));

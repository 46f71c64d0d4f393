import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { builder } from '../../builder.ts';
import { badInput } from '../../errors.ts';
import type { Conversation } from './conversation.entity.ts';
import { conversationJson, conversationMarkdown } from './export.ts';
import {
  MESSAGE_ROLES,
  MESSAGE_STATUSES,
  type Message,
  type MessageRole as MessageRoleValue,
  type MessageStatus as MessageStatusValue,
} from './message.entity.ts';

const MessageRole = builder.enumType('MessageRole', { values: MESSAGE_ROLES });
const MessageStatus = builder.enumType('MessageStatus', { values: MESSAGE_STATUSES });
const ExportFormat = builder.enumType('ExportFormat', { values: ['MARKDOWN', 'JSON'] as const });

export const MessageRef = builder.objectRef<Message>('Message').implement({
  fields: (t) => ({
    id: t.globalID({ resolve: (m) => ({ type: 'Message', id: String(m.id) }) }),
    role: t.field({ type: MessageRole, resolve: (m) => m.role as MessageRoleValue }),
    content: t.string({
      description: 'The text; while STREAMING, everything written so far.',
      resolve: (m, _args, ctx) => ctx.generations.get(m.id)?.text ?? m.content,
    }),
    status: t.field({ type: MessageStatus, resolve: (m) => m.status as MessageStatusValue }),
    stopReason: t.exposeString('stopReason', { nullable: true }),
    error: t.exposeString('error', { nullable: true }),
    model: t.exposeString('model', { nullable: true }),
    inputTokens: t.exposeInt('inputTokens'),
    outputTokens: t.exposeInt('outputTokens'),
    cacheReadTokens: t.exposeInt('cacheReadTokens'),
    cacheWriteTokens: t.exposeInt('cacheWriteTokens'),
    cost: t.float({
      description: 'What this message cost, in the configured currency.',
      resolve: (m, _args, ctx) => ctx.money.fromUsd(Number(m.costUsd)),
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
  }),
});

export const ConversationRef = builder.objectRef<Conversation>('Conversation').implement({
  fields: (t) => ({
    id: t.globalID({ resolve: (c) => ({ type: 'Conversation', id: String(c.id) }) }),
    title: t.exposeString('title', { nullable: true }),
    model: t.exposeString('model'),
    systemPrompt: t.exposeString('systemPrompt', { nullable: true }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('lastActivityAt', { type: 'DateTime' }),
    disabledMcpServers: t.stringList({
      description: 'MCP servers (by name) whose tools are not offered to Claude here.',
      resolve: (c) => c.disabledMcpServers ?? [],
    }),
    messages: t.field({
      type: [MessageRef],
      description: 'Oldest first.',
      resolve: (c, _args, ctx) => ctx.conversations.messages(c),
    }),
  }),
});

/** The numeric id inside a global ID of the given type; anything else is bad input. */
export function localId(id: string | { id: string; typename: string }, type: string): number {
  const decoded = typeof id === 'string' ? safeDecode(id) : id;
  const number = Number(decoded?.id);
  if (decoded?.typename !== type || !Number.isSafeInteger(number)) {
    throw badInput(`That is not a ${type} id.`, 'id');
  }
  return number;
}

function safeDecode(id: string) {
  try {
    return decodeGlobalID(id);
  } catch {
    return undefined;
  }
}

const cursorOf = (c: Conversation) =>
  Buffer.from(`${c.lastActivityAt.getTime()}:${c.id}`).toString('base64url');

function parseCursor(cursor: string) {
  const [at, id] = Buffer.from(cursor, 'base64url').toString().split(':').map(Number);
  if (!Number.isFinite(at) || !Number.isSafeInteger(id))
    throw badInput('That cursor is not valid.', 'after');
  return { at: at!, id: id! };
}

const ConversationInputFields = {
  title: 'A title; null lets the first message name it.',
  model: 'A model id from Query.models.',
  systemPrompt: 'Instructions sent with every message of the conversation.',
};

const CreateConversationInput = builder.inputType('CreateConversationInput', {
  fields: (t) => ({
    title: t.string({ description: ConversationInputFields.title }),
    model: t.string({ description: ConversationInputFields.model }),
    systemPrompt: t.string({ description: ConversationInputFields.systemPrompt }),
  }),
});

const UpdateConversationInput = builder.inputType('UpdateConversationInput', {
  fields: (t) => ({
    title: t.string({ description: ConversationInputFields.title }),
    model: t.string({ description: ConversationInputFields.model }),
    systemPrompt: t.string({ description: ConversationInputFields.systemPrompt }),
    disabledMcpServers: t.stringList({
      description: 'MCP servers (by name) to switch off here; the others stay on.',
    }),
  }),
});

builder.queryFields((t) => ({
  conversations: t.connection(
    {
      type: ConversationRef,
      description: "The viewer's conversations, newest activity first.",
      args: { search: t.arg.string({ description: 'Matches titles and message text.' }) },
      resolve: async (_root, args, ctx) => {
        const first = Math.min(Math.max(args.first ?? 20, 1), 100);
        const rows = await ctx.conversations.list(ctx.viewer, {
          first: first + 1,
          after: args.after ? parseCursor(args.after) : undefined,
          search: args.search ?? undefined,
        });
        const page = rows.slice(0, first);
        return {
          edges: page.map((node) => ({ node, cursor: cursorOf(node) })),
          pageInfo: {
            hasNextPage: rows.length > first,
            hasPreviousPage: args.after != null,
            startCursor: page[0] ? cursorOf(page[0]) : null,
            endCursor: page.at(-1) ? cursorOf(page.at(-1)!) : null,
          },
        };
      },
    },
    { name: 'ConversationConnection' },
    { name: 'ConversationEdge' },
  ),
  conversation: t.field({
    type: ConversationRef,
    nullable: true,
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) =>
      ctx.conversations.findOwn(ctx.viewer, localId(String(id), 'Conversation')).catch((error) => {
        if (error?.extensions?.code === 'NOT_FOUND') return null;
        throw error;
      }),
  }),
  exportConversation: t.string({
    description: 'The whole conversation as a Markdown document or as JSON for re-import.',
    args: {
      id: t.arg.id({ required: true }),
      format: t.arg({ type: ExportFormat, required: true }),
    },
    resolve: async (_root, { id, format }, ctx) => {
      const conversation = await ctx.conversations.findOwn(
        ctx.viewer,
        localId(String(id), 'Conversation'),
      );
      const messages = await ctx.conversations.messages(conversation);
      return format === 'JSON'
        ? conversationJson(conversation, messages)
        : conversationMarkdown(conversation, messages);
    },
  }),
}));

builder.mutationFields((t) => ({
  createConversation: t.field({
    type: ConversationRef,
    args: { input: t.arg({ type: CreateConversationInput, required: true }) },
    resolve: (_root, { input }, ctx) => ctx.conversations.create(ctx.viewer, input),
  }),
  updateConversation: t.field({
    type: ConversationRef,
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: UpdateConversationInput, required: true }),
    },
    resolve: (_root, { id, input }, ctx) =>
      ctx.conversations.update(ctx.viewer, localId(String(id), 'Conversation'), input),
  }),
  deleteConversation: t.field({
    type: 'ID',
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, { id }, ctx) => {
      const local = localId(String(id), 'Conversation');
      const conversation = await ctx.conversations.findOwn(ctx.viewer, local);
      await ctx.generations.stopInConversation(conversation.id);
      await ctx.conversations.delete(ctx.viewer, local);
      return encodeGlobalID('Conversation', local);
    },
  }),
}));

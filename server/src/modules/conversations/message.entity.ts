import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Conversation } from './conversation.entity.ts';

export const MESSAGE_ROLES = ['USER', 'ASSISTANT'] as const;
export const MESSAGE_STATUSES = ['STREAMING', 'COMPLETE', 'STOPPED', 'FAILED'] as const;
export type MessageRole = (typeof MESSAGE_ROLES)[number];
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export const Message = defineEntity({
  name: 'Message',
  tableName: 'messages',
  properties: {
    id: p.integer().primary(),
    conversation: () => p.manyToOne(Conversation).deleteRule('cascade'),
    role: p.enum(() => MESSAGE_ROLES),
    content: p.text().default(''),
    status: p.enum(() => MESSAGE_STATUSES),
    stopReason: p.string().length(40).nullable(),
    error: p.text().nullable(),
    model: p.string().length(100).nullable(),
    inputTokens: p.integer().default(0),
    outputTokens: p.integer().default(0),
    cacheReadTokens: p.integer().default(0),
    cacheWriteTokens: p.integer().default(0),
    /** What the upstream charged for this message, in US dollars, all of its calls included. */
    costUsd: p.double().default(0),
    createdAt: p.datetime().onCreate(() => new Date()),
    completedAt: p.datetime().nullable(),
  },
});

export type Message = InferEntity<typeof Message>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';

export const Conversation = defineEntity({
  name: 'Conversation',
  tableName: 'conversations',
  indexes: [{ properties: ['owner', 'lastActivityAt'] }],
  properties: {
    id: p.integer().primary(),
    owner: () => p.manyToOne(User).deleteRule('cascade'),
    title: p.string().length(200).nullable(),
    model: p.string().length(100),
    systemPrompt: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p
      .datetime()
      .onCreate(() => new Date())
      .onUpdate(() => new Date()),
    /** The newest message's time: the conversation list is ordered by it. */
    lastActivityAt: p.datetime().onCreate(() => new Date()),
    /** MCP servers (by name) whose tools this conversation does not offer Claude; null: none. */
    disabledMcpServers: p.json<string[]>().nullable(),
  },
});

export type Conversation = InferEntity<typeof Conversation>;

import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';
import type { ApiScope } from './scopes.ts';

/** A personal token for scripts; only its SHA-256 hash is kept, the secret is shown once. */
export const ApiToken = defineEntity({
  name: 'ApiToken',
  tableName: 'api_tokens',
  properties: {
    id: p.integer().primary(),
    user: () => p.manyToOne(User).deleteRule('cascade').index(),
    name: p.string().length(64),
    /** The first characters of the token, to recognise it in lists and logs. */
    prefix: p.string().length(16),
    tokenHash: p.string().length(64).unique(),
    scopes: p.array<ApiScope>().length(32),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().nullable(),
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});

export type ApiToken = InferEntity<typeof ApiToken>;

export function isUsable(token: ApiToken, now = new Date()): boolean {
  return !token.revokedAt && (!token.expiresAt || token.expiresAt > now);
}

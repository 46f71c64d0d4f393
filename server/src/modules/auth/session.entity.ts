import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.ts';

/**
 * A signed-in device: one family of rotating refresh tokens. Access tokens name their session, so
 * revoking it (logout, replay, deactivation) ends the access token at once too.
 */
export const Session = defineEntity({
  name: 'Session',
  tableName: 'sessions',
  properties: {
    id: p.uuid().primary(),
    user: () => p.manyToOne(User).deleteRule('cascade').index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
    userAgent: p.string().length(255).nullable(),
    clientAddress: p.string().length(64).nullable(),
  },
});

export type Session = InferEntity<typeof Session>;

/** One refresh token of a session; a used one replayed means the family leaked. */
export const RefreshToken = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_tokens',
  properties: {
    id: p.integer().primary(),
    session: () => p.manyToOne(Session).deleteRule('cascade').index(),
    tokenHash: p.string().length(64).unique(),
    createdAt: p.datetime().onCreate(() => new Date()),
    usedAt: p.datetime().nullable(),
  },
});

export type RefreshToken = InferEntity<typeof RefreshToken>;

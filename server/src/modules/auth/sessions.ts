import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/sqlite';
import type { User } from '../users/user.entity.ts';
import { RefreshToken, Session } from './session.entity.ts';

/** Sessions idle for longer than this need a new sign-in. */
export const SESSION_IDLE_DAYS = 30;

export type ClientInfo = Readonly<{ address: string; userAgent: string | undefined }>;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const idleExpiry = () => new Date(Date.now() + SESSION_IDLE_DAYS * 24 * 60 * 60 * 1000);

/** Opens a session for a user and returns its first refresh token (flushed by the caller). */
export function openSession(em: EntityManager, user: User, client: ClientInfo) {
  const session = em.create(Session, {
    id: randomUUID(),
    user,
    expiresAt: idleExpiry(),
    userAgent: client.userAgent?.slice(0, 255) ?? null,
    clientAddress: client.address.slice(0, 64),
  });
  return { session, refreshToken: issueRefreshToken(em, session) };
}

export function issueRefreshToken(em: EntityManager, session: Session): string {
  const token = randomBytes(32).toString('base64url');
  em.create(RefreshToken, { session, tokenHash: hashToken(token) });
  session.lastUsedAt = new Date();
  session.expiresAt = idleExpiry();
  return token;
}

export function isLive(session: Session): boolean {
  return session.revokedAt === null && session.expiresAt > new Date();
}

/** Ends every live session of a user, except one when given (the caller's own). */
export async function revokeSessions(em: EntityManager, user: User, exceptSessionId?: string) {
  await em.nativeUpdate(
    Session,
    {
      user,
      revokedAt: null,
      ...(exceptSessionId ? { id: { $ne: exceptSessionId } } : {}),
    },
    { revokedAt: new Date() },
  );
}

import type { EntityManager } from '@mikro-orm/sqlite';
import { badInput, conflict, forbidden, notFound } from '../../errors.ts';
import { requireSession, type Viewer } from '../../viewer.ts';
import { ApiToken, isUsable } from './api-token.entity.ts';
import { API_SCOPES, withIncludedScopes, type ApiScope } from './scopes.ts';
import {
  generateApiToken,
  hashApiToken,
  isWellFormedApiToken,
  shownPrefix,
} from './token-format.ts';

export type NewApiToken = { name: string; scopes: readonly ApiScope[]; expiresAt?: Date | null };
export type CreatedApiToken = { token: string; apiToken: ApiToken };

const NAME_MAX = 64;
/** Tokens a user may hold at once (not revoked, not expired). */
export const LIVE_TOKENS_MAX = 50;
/** lastUsedAt is written at most this often per token, not on every request. */
const LAST_USED_PRECISION_MS = 60_000;

export class ApiTokensService {
  constructor(private readonly em: EntityManager) {}

  /** The viewer's tokens, newest first; the secrets are not stored, so never listed. */
  async list(viewer: Viewer | null): Promise<ApiToken[]> {
    const { user } = requireSession(viewer);
    return this.em.find(ApiToken, { user }, { orderBy: { id: 'desc' } });
  }

  /** Creates a token and returns its secret: the only time anyone sees it. */
  async create(viewer: Viewer | null, input: NewApiToken): Promise<CreatedApiToken> {
    const { user } = requireSession(viewer);
    const name = input.name.replace(/\p{Cc}/gu, ' ').trim();
    if (!name || name.length > NAME_MAX) {
      throw badInput(`Give the token a name of 1 to ${NAME_MAX} characters.`, 'name');
    }
    if (input.scopes.length === 0 || input.scopes.some((s) => !API_SCOPES.includes(s))) {
      throw badInput('Choose at least one scope: READ, CHAT or ADMIN.', 'scopes');
    }
    const scopes = withIncludedScopes(input.scopes);
    if (scopes.includes('ADMIN') && !user.isAdmin) {
      throw forbidden('Only an administrator can create a token with the ADMIN scope.');
    }
    const now = new Date();
    if (input.expiresAt && input.expiresAt <= now) {
      throw badInput('The expiry date must be in the future.', 'expiresAt');
    }
    const live = await this.em.count(ApiToken, {
      user,
      revokedAt: null,
      $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }],
    });
    if (live >= LIVE_TOKENS_MAX) {
      throw conflict(`You have ${LIVE_TOKENS_MAX} API tokens; revoke one you no longer use first.`);
    }
    const token = generateApiToken();
    const apiToken = this.em.create(ApiToken, {
      user,
      name,
      prefix: shownPrefix(token),
      tokenHash: hashApiToken(token),
      scopes,
      expiresAt: input.expiresAt ?? null,
    });
    await this.em.flush();
    return { token, apiToken };
  }

  /** Revokes one of the viewer's tokens at once; revoking it again changes nothing. */
  async revoke(viewer: Viewer | null, id: number): Promise<ApiToken> {
    const { user } = requireSession(viewer);
    const apiToken = await this.em.findOne(ApiToken, { id, user });
    if (!apiToken) throw notFound('That API token');
    if (!apiToken.revokedAt) {
      apiToken.revokedAt = new Date();
      await this.em.flush();
    }
    return apiToken;
  }

  /** The viewer of a usable token of an active user, or null. */
  async authenticate(token: string): Promise<Viewer | null> {
    if (!isWellFormedApiToken(token)) return null;
    const apiToken = await this.em.findOne(
      ApiToken,
      { tokenHash: hashApiToken(token) },
      { populate: ['user'] },
    );
    const now = new Date();
    if (!apiToken || !isUsable(apiToken, now) || !apiToken.user.isActive) return null;
    const lastUsed = apiToken.lastUsedAt?.getTime() ?? 0;
    if (now.getTime() - lastUsed >= LAST_USED_PRECISION_MS) {
      await this.em.nativeUpdate(ApiToken, { id: apiToken.id }, { lastUsedAt: now });
    }
    return { user: apiToken.user, apiToken: { id: apiToken.id, scopes: apiToken.scopes } };
  }
}

import type { EntityManager } from '@mikro-orm/sqlite';
import { unauthenticated } from '../../errors.ts';
import type { Viewer } from '../../viewer.ts';
import { AuthService, type AuthDependencies } from '../auth/auth.service.ts';
import { ApiTokensService } from './api-tokens.service.ts';
import { looksLikeApiToken } from './token-format.ts';

/**
 * The viewer of an `Authorization: Bearer` token: an API token (`rasp_…`) or the access token of
 * a signed-in session. Both are checked against the database on every request, so a revoked or
 * expired token, an ended session and a deactivated user stop working at once.
 */
export async function authenticateBearer(
  em: EntityManager,
  auth: AuthDependencies,
  token: string,
): Promise<Viewer> {
  if (looksLikeApiToken(token)) {
    const viewer = await new ApiTokensService(em).authenticate(token);
    if (!viewer) throw unauthenticated('This API token is invalid, expired or revoked.');
    return viewer;
  }
  const viewer = await new AuthService(em, auth).authenticate(token);
  if (!viewer) throw unauthenticated('Your access token is invalid or has expired.');
  return viewer;
}

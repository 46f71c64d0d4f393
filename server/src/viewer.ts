import type { User } from './modules/users/user.entity.ts';
import type { ApiScope } from './modules/api-tokens/scopes.ts';
import { forbidden, unauthenticated } from './errors.ts';

/** The API token a script called with, and what it may do. */
export type ApiTokenGrant = Readonly<{ id: number; scopes: readonly ApiScope[] }>;

/**
 * Who is calling: a user signed in to the app (the session their access token belongs to, with
 * every right the user has), or a script with one of the user's API tokens (limited to its scopes).
 */
export type Viewer =
  | Readonly<{ user: User; sessionId: string; apiToken?: undefined }>
  | Readonly<{ user: User; sessionId?: undefined; apiToken: ApiTokenGrant }>;

export type SessionViewer = Extract<Viewer, { sessionId: string }>;

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

/** True for a session, and for an API token that holds the scope. */
export function hasScope(viewer: Viewer, scope: ApiScope): boolean {
  return !viewer.apiToken || viewer.apiToken.scopes.includes(scope);
}

/** An administrator, signed in or with an ADMIN token. Check admin rights only through this. */
export function isAdmin(viewer: Viewer | null): boolean {
  return !!viewer && viewer.user.isAdmin && hasScope(viewer, 'ADMIN');
}

export function requireAdmin(viewer: Viewer | null): Viewer {
  const signedIn = requireViewer(viewer);
  if (!signedIn.user.isAdmin) throw forbidden('Only an administrator can do that.');
  if (!hasScope(signedIn, 'ADMIN')) throw forbidden('This API token lacks the ADMIN scope.');
  return signedIn;
}

/** Things only a person signed in to the app may do, never a script with an API token. */
export function requireSession(viewer: Viewer | null): SessionViewer {
  const signedIn = requireViewer(viewer);
  if (!signedIn.sessionId) throw forbidden('Sign in to the app to do that; API tokens cannot.');
  return signedIn;
}

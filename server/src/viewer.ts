import type { User } from './modules/users/user.entity.ts';
import { forbidden, unauthenticated } from './errors.ts';

/** Who is calling: a signed-in user and the session their access token belongs to. */
export type Viewer = Readonly<{ user: User; sessionId: string }>;

export function requireViewer(viewer: Viewer | null): Viewer {
  if (!viewer) throw unauthenticated();
  return viewer;
}

export function requireAdmin(viewer: Viewer | null): Viewer {
  const signedIn = requireViewer(viewer);
  if (!signedIn.user.isAdmin) throw forbidden('Only an administrator can do that.');
  return signedIn;
}

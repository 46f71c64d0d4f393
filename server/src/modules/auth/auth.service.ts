import type { EntityManager } from '@mikro-orm/sqlite';
import { badInput, forbidden, unauthenticated } from '../../errors.ts';
import type { Viewer } from '../../viewer.ts';
import { requireViewer } from '../../viewer.ts';
import { User } from '../users/user.entity.ts';
import { normalizeUsername, UsersService, type NewUser } from '../users/users.service.ts';
import type { AccessTokens } from './access-tokens.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './passwords.ts';
import { RefreshToken, Session } from './session.entity.ts';
import {
  hashToken,
  isLive,
  issueRefreshToken,
  openSession,
  revokeSessions,
  type ClientInfo,
} from './sessions.ts';

export type SignedIn = { accessToken: string; expiresAt: Date; user: User; refreshToken: string };
export type AuthDependencies = { accessTokens: AccessTokens; loginThrottle: LoginThrottle };

const SIGN_IN_FAILED = 'Wrong username or password.';

export class AuthService {
  constructor(
    private readonly em: EntityManager,
    private readonly deps: AuthDependencies,
  ) {}

  async setupRequired(): Promise<boolean> {
    return (await this.em.count(User, {})) === 0;
  }

  /** Creates the first administrator; refused once any user exists. */
  async setupAdmin(input: Omit<NewUser, 'isAdmin'>, client: ClientInfo): Promise<SignedIn> {
    const user = await this.em.transactional(async (em) => {
      if ((await em.count(User, {})) > 0) throw forbidden('The administrator already exists.');
      return new UsersService(em).insert({ ...input, isAdmin: true });
    });
    return this.#signIn(user, client);
  }

  async login(input: { username: string; password: string }, client: ClientInfo) {
    const account = normalizeUsername(input.username).slice(0, 64);
    await this.deps.loginThrottle.assertAllowed(account, client.address);
    const user = await this.em.findOne(User, { username: account });
    const matches = await verifyPassword(user?.passwordHash, input.password);
    if (!user || !matches || !user.isActive) {
      await this.deps.loginThrottle.recordFailure(account, client.address);
      throw unauthenticated(SIGN_IN_FAILED);
    }
    await this.deps.loginThrottle.recordSuccess(account, client.address);
    user.lastLoginAt = new Date();
    return this.#signIn(user, client);
  }

  /** Rotates a refresh token; a token used twice means it leaked, so its whole family ends. */
  async refresh(refreshToken: string | undefined, client: ClientInfo): Promise<SignedIn> {
    if (!refreshToken) throw unauthenticated('Your session has ended. Sign in again.');
    const stored = await this.em.findOne(
      RefreshToken,
      { tokenHash: hashToken(refreshToken) },
      { populate: ['session.user'] },
    );
    const session = stored?.session;
    if (!stored || !session || !isLive(session) || !session.user.isActive) {
      throw unauthenticated('Your session has ended. Sign in again.');
    }
    if (stored.usedAt) {
      session.revokedAt = new Date();
      await this.em.flush();
      throw unauthenticated('This session was used from somewhere else and has been ended.');
    }
    stored.usedAt = new Date();
    session.clientAddress = client.address.slice(0, 64);
    const next = issueRefreshToken(this.em, session);
    await this.em.flush();
    return this.#tokens(session.user, session, next);
  }

  /** Ends the caller's session: the one of the access token, else the one of the cookie. */
  async logout(viewer: Viewer | null, refreshToken: string | undefined): Promise<void> {
    const session = viewer
      ? await this.em.findOne(Session, { id: viewer.sessionId })
      : refreshToken
        ? (await this.em.findOne(RefreshToken, { tokenHash: hashToken(refreshToken) }))?.session
        : null;
    if (session && !session.revokedAt) {
      session.revokedAt = new Date();
      await this.em.flush();
    }
  }

  /** Changes the password and signs out every other session of the user. */
  async changePassword(
    viewer: Viewer | null,
    input: { currentPassword: string; newPassword: string },
  ): Promise<void> {
    const { sessionId, user: current } = requireViewer(viewer);
    const user = await this.em.findOneOrFail(User, current.id);
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw badInput('The current password is wrong.', 'currentPassword');
    }
    checkPasswordPolicy(input.newPassword, 'newPassword');
    user.passwordHash = await hashPassword(input.newPassword);
    await revokeSessions(this.em, user, sessionId);
    await this.em.flush();
  }

  /** The viewer of an access token, or null when the token or its session is no longer valid. */
  async authenticate(accessToken: string): Promise<Viewer | null> {
    const claims = await this.deps.accessTokens.verify(accessToken);
    if (!claims) return null;
    const session = await this.em.findOne(
      Session,
      { id: claims.sessionId, user: claims.userId },
      { populate: ['user'] },
    );
    if (!session || !isLive(session) || !session.user.isActive) return null;
    return { user: session.user, sessionId: session.id };
  }

  async #signIn(user: User, client: ClientInfo): Promise<SignedIn> {
    const { session, refreshToken } = openSession(this.em, user, client);
    await this.em.flush();
    return this.#tokens(user, session, refreshToken);
  }

  async #tokens(user: User, session: Session, refreshToken: string): Promise<SignedIn> {
    const access = await this.deps.accessTokens.issue({ userId: user.id, sessionId: session.id });
    return { accessToken: access.token, expiresAt: access.expiresAt, user, refreshToken };
  }
}

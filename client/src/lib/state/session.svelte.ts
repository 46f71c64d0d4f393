import type { RefreshSessionMutation } from '$lib/graphql/graphql';
import { client, linkSession, sessionClient } from '$lib/urql';
import {
  LogoutMutation,
  RefreshSessionMutation as RefreshSession,
  SetupRequiredQuery,
} from './session.graphql';

export type AuthPayload = RefreshSessionMutation['refreshSession'];
export type SessionUser = AuthPayload['user'];

/** Renew this long before the access token expires, or half its remaining life if shorter. */
const RENEW_LEAD_MS = 60_000;
const RETRY_OFFLINE_MS = 15_000;
const REFRESH_LOCK = 'claude-rasp-refresh';

type Renewal = 'renewed' | 'ended' | 'offline';

/**
 * Refresh tokens rotate and a reused one ends the session, so two tabs must never send the same
 * cookie at once. Inside the lock the previous holder's response has already replaced the cookie.
 * navigator.locks only exists in secure contexts (HTTPS, localhost); over plain HTTP on a home
 * network, tabs fall back to refreshing on their own.
 */
async function withRefreshLock<T>(task: () => Promise<T>): Promise<T> {
  if (typeof navigator !== 'undefined' && 'locks' in navigator && navigator.locks) {
    return await navigator.locks.request(REFRESH_LOCK, task);
  }
  return await task();
}

class SessionManager {
  // Plain fields: requests read the token, and an effect that sends one must not re-run on renewal.
  #accessToken: string | null = null;
  #expiresAt: number | null = null;
  #user = $state<SessionUser | null>(null);
  #setupRequired = $state(false);
  #starting: Promise<void> | null = null;
  #renewing: Promise<Renewal> | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  get user(): SessionUser | null {
    return this.#user;
  }

  get isAdmin(): boolean {
    return this.#user?.isAdmin ?? false;
  }

  get accessToken(): string | null {
    return this.#accessToken;
  }

  get setupRequired(): boolean {
    return this.#setupRequired;
  }

  /** Once per page load: learns whether setup is needed and restores a session from the cookie. */
  start(): Promise<void> {
    this.#starting ??= this.#start().catch((error: unknown) => {
      this.#starting = null;
      throw error;
    });
    return this.#starting;
  }

  async #start(): Promise<void> {
    const [setup] = await Promise.all([
      client.query(SetupRequiredQuery, {}, { requestPolicy: 'network-only' }).toPromise(),
      this.renew(),
    ]);
    if (setup.error) throw setup.error;
    this.#setupRequired = setup.data?.setupRequired ?? false;
  }

  signIn(payload: AuthPayload): void {
    this.#accessToken = payload.accessToken;
    this.#expiresAt = Date.parse(payload.expiresAt);
    this.#user = payload.user;
    this.#setupRequired = false;
    this.#schedule();
  }

  /** Updates the shown user after the viewer changed their own account. */
  updateUser(user: SessionUser): void {
    if (this.#user?.id === user.id) this.#user = user;
  }

  /** Renews the access token with the refresh cookie; one renewal at a time per tab. */
  renew(): Promise<Renewal> {
    this.#renewing ??= withRefreshLock(() => this.#renew()).finally(() => {
      this.#renewing = null;
    });
    return this.#renewing;
  }

  async #renew(): Promise<Renewal> {
    const result = await sessionClient.mutation(RefreshSession, {}).toPromise();
    if (result.data) {
      this.signIn(result.data.refreshSession);
      return 'renewed';
    }
    if (result.error?.networkError) return 'offline';
    this.#clear();
    return 'ended';
  }

  /** Resolves false when the server could not be reached: the session would survive a reload. */
  async signOut(): Promise<boolean> {
    const result = await client.mutation(LogoutMutation, {}).toPromise();
    if (result.error?.networkError) return false;
    this.#leave('/login');
    return true;
  }

  /** The server refused to renew: start over at the sign-in page. */
  end(): void {
    const next = location.pathname + location.search;
    this.#leave(`/login?expired=1&next=${encodeURIComponent(next)}`);
  }

  #clear(): void {
    clearTimeout(this.#timer);
    this.#accessToken = null;
    this.#expiresAt = null;
    this.#user = null;
  }

  // A full page load drops every cached query and open socket of the previous user.
  #leave(path: string): void {
    this.#clear();
    location.assign(path);
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    if (this.#expiresAt === null) return;
    const remaining = this.#expiresAt - Date.now();
    const delay = Math.max(remaining - Math.min(RENEW_LEAD_MS, remaining / 2), 5_000);
    this.#timer = setTimeout(() => void this.#renewOnTime(), delay);
  }

  async #renewOnTime(): Promise<void> {
    const outcome = await this.renew();
    if (outcome === 'ended') this.end();
    if (outcome === 'offline') {
      this.#timer = setTimeout(() => void this.#renewOnTime(), RETRY_OFFLINE_MS);
    }
  }
}

export const session = new SessionManager();

linkSession({
  accessToken: () => session.accessToken,
  async renew() {
    const outcome = await session.renew();
    if (outcome === 'ended') session.end();
    return outcome === 'renewed';
  },
});

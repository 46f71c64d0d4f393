import { SignJWT, UnsecuredJWT, decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, createMember, errorCode, gql, login, setupAdmin } from './helpers/graphql.ts';
import { startServer, type TestServer } from './helpers/server.ts';

const JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-000';
const VIEWER = '{ viewer { username isAdmin } }';
const REFRESH = 'mutation { refreshSession { accessToken user { username } } }';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ JWT_SECRET });
});
afterEach(() => server.stop());

describe('first-run setup', () => {
  it('creates the admin once, then refuses', async () => {
    expect((await gql(server.url, '{ setupRequired }')).data).toEqual({ setupRequired: true });
    const admin = await setupAdmin(server.url);
    expect(admin.user).toMatchObject({ username: 'admin', isAdmin: true, isActive: true });
    expect((await gql(server.url, '{ setupRequired }')).data).toEqual({ setupRequired: false });

    const again = await gql(
      server.url,
      'mutation { setupAdmin(input: {username: "mallory", email: "m@example.com", password: "mallory password"}) { accessToken } }',
    );
    expect(errorCode(again)).toBe('FORBIDDEN');
    expect((await login(server.url, 'mallory', 'mallory password')).errors).toBeDefined();
  });

  it('refuses a short password with BAD_USER_INPUT', async () => {
    const result = await gql(
      server.url,
      'mutation { setupAdmin(input: {username: "admin", email: "a@example.com", password: "short"}) { accessToken } }',
    );
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.message).toMatch(/at least 10 characters/);
    expect((await gql(server.url, '{ setupRequired }')).data).toEqual({ setupRequired: true });
  });

  it('sets the refresh token as an httpOnly, SameSite=Strict cookie scoped to /graphql', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation($input: SetupAdminInput!) { setupAdmin(input: $input) { accessToken } }',
        variables: { input: ADMIN },
      }),
    });
    const cookie = response.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^rasp_refresh=[\w-]{43}; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/graphql');
    expect(cookie).not.toContain('Secure');
  });
});

describe('login', () => {
  beforeEach(() => setupAdmin(server.url));

  it('signs in and the access token names the viewer', async () => {
    const result = await login(server.url, 'Admin', ADMIN.password);
    expect(result.errors).toBeUndefined();
    const token = result.data!.login.accessToken;
    expect(decodeJwt(token).exp! - decodeJwt(token).iat!).toBeLessThanOrEqual(15 * 60);
    const viewer = await gql(server.url, VIEWER, {}, { token });
    expect(viewer.data).toEqual({ viewer: { username: 'admin', isAdmin: true } });
    expect((await gql(server.url, VIEWER)).data).toEqual({ viewer: null });
  });

  it('answers an unknown user exactly like a wrong password, in about the same time', async () => {
    const timed = async (username: string) => {
      const started = performance.now();
      const result = await login(server.url, username, 'wrong password!!', {
        'x-forwarded-for': `10.0.0.${Math.floor(Math.random() * 250)}`,
      });
      return { result, ms: performance.now() - started };
    };
    const wrong = [];
    const unknown = [];
    for (let i = 0; i < 4; i++) {
      wrong.push(await timed('admin'));
      unknown.push(await timed('nobody'));
    }
    expect(wrong[0]!.result.errors).toEqual(unknown[0]!.result.errors);
    expect(errorCode(wrong[0]!.result)).toBe('UNAUTHENTICATED');
    const median = (runs: { ms: number }[]) => runs.map((r) => r.ms).sort((a, b) => a - b)[2]!;
    // Without the decoy hash an unknown user answers in ~1 ms instead of an argon2 verification.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
  });

  it('throttles one address after 5 failures without locking the account elsewhere', async () => {
    const from = (address: string) => ({ 'x-forwarded-for': address });
    for (let i = 0; i < 5; i++) {
      expect(
        errorCode(await login(server.url, 'admin', 'wrong password!!', from('10.1.1.1'))),
      ).toBe('UNAUTHENTICATED');
    }
    const blocked = await login(server.url, 'admin', ADMIN.password, from('10.1.1.1'));
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(blocked.errors![0]!.message).toMatch(/Try again in 15 minutes/);
    expect(blocked.errors![0]!.extensions!.retryAfter).toBeGreaterThan(800);

    const elsewhere = await login(server.url, 'admin', ADMIN.password, from('10.2.2.2'));
    expect(elsewhere.errors).toBeUndefined();
  });

  it('trusts X-Forwarded-For only as appended by the local proxy (its last entry)', async () => {
    for (let i = 0; i < 5; i++) {
      await login(server.url, 'admin', 'wrong password!!', {
        'x-forwarded-for': `1.1.1.${i}, 10.3.3.3`,
      });
    }
    const spoofed = await login(server.url, 'admin', ADMIN.password, {
      'x-forwarded-for': '9.9.9.9, 10.3.3.3',
    });
    expect(errorCode(spoofed)).toBe('RATE_LIMITED');
  });
});

describe('refresh tokens', () => {
  it('rotate, and replaying a used one ends the whole family', async () => {
    const admin = await setupAdmin(server.url);
    const first = await gql(server.url, REFRESH, {}, { cookie: admin.cookie });
    expect(first.errors).toBeUndefined();
    expect(first.cookie).toBeDefined();
    expect(first.cookie).not.toBe(admin.cookie);
    const second = await gql(server.url, REFRESH, {}, { cookie: first.cookie });
    expect(second.data).toMatchObject({ refreshSession: { user: { username: 'admin' } } });

    const replay = await gql(server.url, REFRESH, {}, { cookie: admin.cookie });
    expect(errorCode(replay)).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(server.url, REFRESH, {}, { cookie: second.cookie }))).toBe(
      'UNAUTHENTICATED',
    );
    const token = second.data!.refreshSession.accessToken;
    expect(errorCode(await gql(server.url, VIEWER, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it('are refused without a cookie or with a made-up one', async () => {
    expect(errorCode(await gql(server.url, REFRESH))).toBe('UNAUTHENTICATED');
    expect(errorCode(await gql(server.url, REFRESH, {}, { cookie: 'rasp_refresh=made-up' }))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('logout', () => {
  it('ends the session: access token and refresh cookie both stop working', async () => {
    const admin = await setupAdmin(server.url);
    const result = await gql(
      server.url,
      'mutation { logout }',
      {},
      { token: admin.token, cookie: admin.cookie },
    );
    expect(result.data).toEqual({ logout: true });
    expect(result.cookie).toBe('rasp_refresh=');
    expect(errorCode(await gql(server.url, VIEWER, {}, { token: admin.token }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(errorCode(await gql(server.url, REFRESH, {}, { cookie: admin.cookie }))).toBe(
      'UNAUTHENTICATED',
    );
  });
});

describe('changePassword', () => {
  const CHANGE = 'mutation($input: ChangePasswordInput!) { changePassword(input: $input) }';

  it('checks the current password and the policy, then signs out other sessions', async () => {
    const admin = await setupAdmin(server.url);
    const other = await login(server.url, 'admin', ADMIN.password);
    const otherToken = other.data!.login.accessToken;

    const wrong = await gql(
      server.url,
      CHANGE,
      { input: { currentPassword: 'not it at all', newPassword: 'a new password 2' } },
      { token: admin.token },
    );
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    const short = await gql(
      server.url,
      CHANGE,
      { input: { currentPassword: ADMIN.password, newPassword: 'short' } },
      { token: admin.token },
    );
    expect(errorCode(short)).toBe('BAD_USER_INPUT');

    const changed = await gql(
      server.url,
      CHANGE,
      { input: { currentPassword: ADMIN.password, newPassword: 'a new password 2' } },
      { token: admin.token },
    );
    expect(changed.data).toEqual({ changePassword: true });
    expect(errorCode(await login(server.url, 'admin', ADMIN.password))).toBe('UNAUTHENTICATED');
    expect((await login(server.url, 'admin', 'a new password 2')).errors).toBeUndefined();
    expect((await gql(server.url, VIEWER, {}, { token: admin.token })).data).toEqual({
      viewer: { username: 'admin', isAdmin: true },
    });
    expect(errorCode(await gql(server.url, VIEWER, {}, { token: otherToken }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      errorCode(
        await gql(server.url, CHANGE, { input: { currentPassword: 'x', newPassword: 'y' } }),
      ),
    ).toBe('UNAUTHENTICATED');
  });
});

describe('access tokens', () => {
  it('refuses alg "none", a foreign key, an expired token and a malformed header', async () => {
    const admin = await setupAdmin(server.url);
    const claims = decodeJwt(admin.token);
    const unsigned = new UnsecuredJWT({ sid: claims.sid })
      .setSubject(claims.sub!)
      .setAudience('claude-rasp')
      .setExpirationTime('10m')
      .encode();
    const foreign = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub!)
      .setAudience('claude-rasp')
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode('another-secret-another-secret-123456'));
    const expired = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub!)
      .setAudience('claude-rasp')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(JWT_SECRET));
    for (const token of [unsigned, foreign, expired]) {
      expect(errorCode(await gql(server.url, VIEWER, {}, { token }))).toBe('UNAUTHENTICATED');
    }
    const malformed = await gql(
      server.url,
      VIEWER,
      {},
      { headers: { authorization: `Token ${admin.token}` } },
    );
    expect(errorCode(malformed)).toBe('UNAUTHENTICATED');
  });

  it('of a member work for their own session only', async () => {
    const admin = await setupAdmin(server.url);
    const member = await createMember(server.url, admin.token);
    expect((await gql(server.url, VIEWER, {}, { token: member.token })).data).toEqual({
      viewer: { username: 'member', isAdmin: false },
    });
  });
});

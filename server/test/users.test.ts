import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { ADMIN, createMember, errorCode, gql, login, setupAdmin } from './helpers/graphql.ts';
import { startServer, type TestServer } from './helpers/server.ts';

const USERS =
  'query($after: String) { users(first: 2, after: $after) { edges { node { username } cursor } pageInfo { hasNextPage endCursor } } }';
const CREATE =
  'mutation($input: CreateUserInput!) { createUser(input: $input) { id username email isAdmin isActive } }';
const UPDATE =
  'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { username isAdmin isActive email } }';
const DELETE = 'mutation($id: ID!) { deleteUser(id: $id) }';
const VIEWER = '{ viewer { username } }';

let server: TestServer;
let admin: Awaited<ReturnType<typeof setupAdmin>>;
beforeEach(async () => {
  server = await startServer();
  admin = await setupAdmin(server.url);
});
afterEach(() => server.stop());

describe('admin-only user management', () => {
  it('refuses members with FORBIDDEN and anonymous callers with UNAUTHENTICATED', async () => {
    const member = await createMember(server.url, admin.token);
    const input = { username: 'eve', email: 'eve@example.com', password: 'eve password 1' };
    for (const [token, code] of [
      [member.token, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      expect(errorCode(await gql(server.url, USERS, {}, { token }))).toBe(code);
      expect(errorCode(await gql(server.url, CREATE, { input }, { token }))).toBe(code);
      expect(
        errorCode(
          await gql(server.url, UPDATE, { id: member.id, input: { isAdmin: true } }, { token }),
        ),
      ).toBe(code);
      expect(errorCode(await gql(server.url, DELETE, { id: member.id }, { token }))).toBe(code);
    }
    expect(errorCode(await login(server.url, 'eve', 'eve password 1'))).toBe('UNAUTHENTICATED');
  });

  it('creates users with validation and lists them page by page', async () => {
    const make = (
      username: string,
      email = `${username}@example.com`,
      password = 'long enough pw',
    ) => gql(server.url, CREATE, { input: { username, email, password } }, { token: admin.token });
    expect((await make('Bob')).data).toMatchObject({
      createUser: { username: 'bob', isAdmin: false, isActive: true },
    });
    await make('carol');
    expect(errorCode(await make('BOB', 'other@example.com'))).toBe('CONFLICT');
    expect(errorCode(await make('dave', 'bob@example.com'))).toBe('CONFLICT');
    expect(errorCode(await make('x'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await make('dave', 'not-an-email'))).toBe('BAD_USER_INPUT');
    expect(errorCode(await make('dave', 'dave@example.com', 'short'))).toBe('BAD_USER_INPUT');

    const first = await gql(server.url, USERS, {}, { token: admin.token });
    expect(first.data!.users.edges.map((e: any) => e.node.username)).toEqual(['admin', 'bob']);
    expect(first.data!.users.pageInfo.hasNextPage).toBe(true);
    const second = await gql(
      server.url,
      USERS,
      { after: first.data!.users.pageInfo.endCursor },
      { token: admin.token },
    );
    expect(second.data!.users.edges.map((e: any) => e.node.username)).toEqual(['carol']);
    expect(second.data!.users.pageInfo.hasNextPage).toBe(false);
  });

  it('answers an unknown or malformed id with NOT_FOUND or BAD_USER_INPUT', async () => {
    const member = await createMember(server.url, admin.token);
    await gql(server.url, DELETE, { id: member.id }, { token: admin.token });
    expect(
      errorCode(await gql(server.url, DELETE, { id: member.id }, { token: admin.token })),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(await gql(server.url, DELETE, { id: 'garbage' }, { token: admin.token })),
    ).toBe('BAD_USER_INPUT');
  });
});

describe('deactivation and deletion', () => {
  it('a deactivated user loses access at once, access and refresh tokens included', async () => {
    const member = await createMember(server.url, admin.token);
    const result = await gql(
      server.url,
      UPDATE,
      { id: member.id, input: { isActive: false } },
      { token: admin.token },
    );
    expect(result.data).toMatchObject({ updateUser: { isActive: false } });
    expect(errorCode(await gql(server.url, VIEWER, {}, { token: member.token }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      errorCode(
        await gql(
          server.url,
          'mutation { refreshSession { accessToken } }',
          {},
          { cookie: member.cookie },
        ),
      ),
    ).toBe('UNAUTHENTICATED');
    const denied = await login(server.url, 'member', member.password);
    expect(denied.errors![0]!.message).toBe('Wrong username or password.');

    await gql(
      server.url,
      UPDATE,
      { id: member.id, input: { isActive: true } },
      { token: admin.token },
    );
    expect((await login(server.url, 'member', member.password)).errors).toBeUndefined();
  });

  it('a deleted user loses access at once', async () => {
    const member = await createMember(server.url, admin.token);
    const deleted = await gql(server.url, DELETE, { id: member.id }, { token: admin.token });
    expect(deleted.data).toEqual({ deleteUser: member.id });
    expect(errorCode(await gql(server.url, VIEWER, {}, { token: member.token }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it("a password reset by the admin ends the user's sessions", async () => {
    const member = await createMember(server.url, admin.token);
    await gql(
      server.url,
      UPDATE,
      { id: member.id, input: { password: 'reset by admin 1' } },
      { token: admin.token },
    );
    expect(errorCode(await gql(server.url, VIEWER, {}, { token: member.token }))).toBe(
      'UNAUTHENTICATED',
    );
    expect((await login(server.url, 'member', 'reset by admin 1')).errors).toBeUndefined();
  });
});

describe('the last active admin', () => {
  it('cannot be deactivated, demoted or deleted, until another admin exists', async () => {
    const self = admin.user.id as string;
    for (const input of [{ isActive: false }, { isAdmin: false }]) {
      expect(
        errorCode(await gql(server.url, UPDATE, { id: self, input }, { token: admin.token })),
      ).toBe('CONFLICT');
    }
    expect(errorCode(await gql(server.url, DELETE, { id: self }, { token: admin.token }))).toBe(
      'CONFLICT',
    );

    const second = await gql(
      server.url,
      CREATE,
      {
        input: {
          username: 'root2',
          email: 'r2@example.com',
          password: 'second admin 1',
          isAdmin: true,
        },
      },
      { token: admin.token },
    );
    const secondId = second.data!.createUser.id;
    await gql(
      server.url,
      UPDATE,
      { id: secondId, input: { isActive: false } },
      { token: admin.token },
    );
    expect(
      errorCode(
        await gql(
          server.url,
          UPDATE,
          { id: self, input: { isAdmin: false } },
          { token: admin.token },
        ),
      ),
    ).toBe('CONFLICT');

    await gql(
      server.url,
      UPDATE,
      { id: secondId, input: { isActive: true } },
      { token: admin.token },
    );
    const demoted = await gql(
      server.url,
      UPDATE,
      { id: self, input: { isAdmin: false } },
      { token: admin.token },
    );
    expect(demoted.data).toMatchObject({
      updateUser: { username: ADMIN.username, isAdmin: false },
    });
    expect(errorCode(await gql(server.url, USERS, {}, { token: admin.token }))).toBe('FORBIDDEN');
  });
});

import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULES, ROOT_FIELD_RULES } from '../src/modules/api-tokens/root-field-rules.ts';
import { schema } from '../src/schema.ts';
import { createApiToken, sse } from './helpers/api-tokens.ts';
import { createConversation, wsClient } from './helpers/chat.ts';
import { createMember, errorCode, gql, setupAdmin } from './helpers/graphql.ts';
import { startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let admin: Awaited<ReturnType<typeof setupAdmin>>;
let member: Awaited<ReturnType<typeof createMember>>;
const tokens = {} as Record<'READ' | 'CHAT' | 'ADMIN' | 'memberChat', string>;
const url = () => server.url;

beforeAll(async () => {
  server = await startServer({ RATE_LIMIT_TOKENS_PER_HOUR: '0' });
  admin = await setupAdmin(server.url);
  member = await createMember(server.url, admin.token);
  for (const scope of ['READ', 'CHAT', 'ADMIN'] as const) {
    tokens[scope] = (await createApiToken(url(), admin.token, { scopes: [scope] })).token;
  }
  tokens.memberChat = (await createApiToken(url(), member.token, { scopes: ['CHAT'] })).token;
});
afterAll(() => server.stop());

const operations = {
  viewer: '{ viewer { username } }',
  appInfo: '{ appInfo { version } setupRequired }',
  conversations: '{ conversations(first: 5) { edges { node { id } } } }',
  users: '{ users(first: 5) { edges { node { username } } } }',
  createConversation: 'mutation { createConversation(input: { title: "from a script" }) { id } }',
  createUser:
    'mutation { createUser(input: { username: "made-by-token", email: "made@example.com", password: "made password 1" }) { username } }',
  apiTokens: '{ apiTokens { id } }',
  createApiToken: 'mutation { createApiToken(input: { name: "child", scopes: [READ] }) { token } }',
  changePassword:
    'mutation { changePassword(input: { currentPassword: "admin password 1", newPassword: "another password 1" }) }',
  logout: 'mutation { logout }',
};
type Operation = keyof typeof operations;

/** What each token gets for each operation: null for success, else the error code. */
const matrix: [Operation, Record<'READ' | 'CHAT' | 'ADMIN', string | null>][] = [
  ['viewer', { READ: null, CHAT: null, ADMIN: null }],
  ['appInfo', { READ: null, CHAT: null, ADMIN: null }],
  ['conversations', { READ: null, CHAT: null, ADMIN: null }],
  ['users', { READ: 'FORBIDDEN', CHAT: 'FORBIDDEN', ADMIN: null }],
  ['createConversation', { READ: 'FORBIDDEN', CHAT: null, ADMIN: null }],
  ['createUser', { READ: 'FORBIDDEN', CHAT: 'FORBIDDEN', ADMIN: null }],
  ['apiTokens', { READ: 'FORBIDDEN', CHAT: 'FORBIDDEN', ADMIN: 'FORBIDDEN' }],
  ['createApiToken', { READ: 'FORBIDDEN', CHAT: 'FORBIDDEN', ADMIN: 'FORBIDDEN' }],
  ['changePassword', { READ: 'FORBIDDEN', CHAT: 'FORBIDDEN', ADMIN: 'FORBIDDEN' }],
  ['logout', { READ: 'FORBIDDEN', CHAT: 'FORBIDDEN', ADMIN: 'FORBIDDEN' }],
];

function runOverSocket(client: Client, query: string): Promise<any> {
  return new Promise((resolve, reject) => {
    let result: unknown;
    client.subscribe(
      { query },
      { next: (value) => (result = value), error: reject, complete: () => resolve(result) },
    );
  });
}

describe('API token scopes over HTTP', () => {
  for (const [operation, expected] of matrix) {
    for (const scope of ['READ', 'CHAT', 'ADMIN'] as const) {
      it(`${operation} with a ${scope} token: ${expected[scope] ?? 'allowed'}`, async () => {
        const result = await gql(url(), operations[operation], {}, { token: tokens[scope] });
        expect(errorCode(result) ?? null).toBe(expected[scope]);
        if (expected[scope]) expect(result.data ?? null).toBeNull();
        if (operation === 'createUser' && !expected[scope]) {
          const deleted = await gql(
            url(),
            'mutation($id: ID!) { deleteUser(id: $id) }',
            {
              id: (
                await gql(
                  url(),
                  '{ users(first: 10) { edges { node { id username } } } }',
                  {},
                  { token: admin.token },
                )
              ).data!.users.edges.find((e: any) => e.node.username === 'made-by-token').node.id,
            },
            { token: admin.token },
          );
          expect(deleted.errors).toBeUndefined();
        }
      });
    }
  }

  it('refuses the whole operation when one field is out of scope, however it is spelled', async () => {
    const spelled = [
      '{ viewer { username } users(first: 1) { edges { cursor } } }',
      'query { ...Everyone } fragment Everyone on Query { users(first: 1) { edges { cursor } } }',
      'query { ... on Query { users(first: 1) { edges { cursor } } } }',
      '{ me: viewer { username } people: users(first: 1) { edges { cursor } } }',
    ];
    for (const query of spelled) {
      const result = await gql(url(), query, {}, { token: tokens.CHAT });
      expect(errorCode(result)).toBe('FORBIDDEN');
      expect(result.data ?? null).toBeNull();
    }
    const renamed = await gql(
      url(),
      'mutation { made: createConversation(input: {}) { id } }',
      {},
      {
        token: tokens.READ,
      },
    );
    expect(errorCode(renamed)).toBe('FORBIDDEN');
    expect(renamed.errors![0]!.message).toBe(
      'This API token lacks the CHAT scope that createConversation needs.',
    );
  });

  it("never lets a member's token reach administrator fields", async () => {
    const result = await gql(url(), operations.users, {}, { token: tokens.memberChat });
    expect(errorCode(result)).toBe('FORBIDDEN');
  });

  it('an ADMIN token stops reaching administrator fields when its owner is no longer an admin', async () => {
    const second = await createMember(url(), admin.token, 'second-admin');
    const setAdmin = (isAdmin: boolean) =>
      gql(
        url(),
        'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { isAdmin } }',
        { id: second.id, input: { isAdmin } },
        { token: admin.token },
      );
    await setAdmin(true);
    const { token } = await createApiToken(url(), second.token, { scopes: ['ADMIN'] });
    expect(errorCode(await gql(url(), operations.users, {}, { token }))).toBeUndefined();
    await setAdmin(false);
    expect(errorCode(await gql(url(), operations.users, {}, { token }))).toBe('FORBIDDEN');
  });
});

describe('API token scopes over the WebSocket', () => {
  it('applies the same scopes to queries and mutations sent over the socket', async () => {
    const read = wsClient(url(), tokens.READ);
    expect((await runOverSocket(read, operations.viewer)).data.viewer.username).toBe('admin');
    const refused = await runOverSocket(read, operations.createConversation).catch((e) => ({
      errors: e,
    }));
    expect(refused.errors[0].extensions.code).toBe('FORBIDDEN');
    await read.dispose();

    const chat = wsClient(url(), tokens.CHAT);
    expect(
      (await runOverSocket(chat, operations.createConversation)).data.createConversation.id,
    ).toEqual(expect.any(String));
    const users = await runOverSocket(chat, operations.users).catch((e) => ({ errors: e }));
    expect(users.errors[0].extensions.code).toBe('FORBIDDEN');
    await chat.dispose();

    const adminClient = wsClient(url(), tokens.ADMIN);
    expect(
      (await runOverSocket(adminClient, operations.users)).data.users.edges.length,
    ).toBeGreaterThan(1);
    await adminClient.dispose();
  });

  it('lets any token follow a subscription; a revoked token loses its socket', async () => {
    const { token, apiToken } = await createApiToken(url(), admin.token, { scopes: ['READ'] });
    const client = wsClient(url(), token);
    let stop = () => {};
    const servers = await new Promise<any>((resolve, reject) => {
      stop = client.subscribe(
        { query: 'subscription { mcpServers { name } }' },
        { next: resolve, error: reject, complete: () => {} },
      );
    });
    expect(servers.errors).toBeUndefined();
    expect(servers.data.mcpServers).toEqual([]);
    await gql(
      url(),
      'mutation($id: ID!) { revokeApiToken(id: $id) { id } }',
      { id: apiToken.id },
      {
        token: admin.token,
      },
    );
    // The socket is still open (the subscription holds it); its next operation is refused.
    const after = await runOverSocket(client, operations.viewer).catch((e) => ({ errors: e }));
    expect(after.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    stop();
    await client.dispose();
    const reconnect = wsClient(url(), token);
    const closed = await runOverSocket(reconnect, operations.viewer).catch((e) => e);
    expect(closed.code).toBe(4403);
    await reconnect.dispose();
  });
});

describe('API token scopes over server-sent events', () => {
  it('runs queries and subscriptions for any token and refuses out-of-scope mutations', async () => {
    const query = await sse(url(), operations.viewer, {}, tokens.READ);
    expect(query.events[0]).toEqual({
      event: 'next',
      data: { data: { viewer: { username: 'admin' } } },
    });
    const mutation = await sse(url(), operations.createConversation, {}, tokens.READ);
    expect(mutation.events[0]!.data.errors[0].extensions.code).toBe('FORBIDDEN');
    const conversation = await createConversation(url(), tokens.CHAT, { title: 'over SSE' });
    expect(conversation.title).toBe('over SSE');
  });
});

describe('the root field table', () => {
  it('classifies every root field of the schema, so a new field cannot slip through', () => {
    const unclassified: string[] = [];
    for (const rootType of ['Query', 'Mutation', 'Subscription'] as const) {
      const type = schema.getType(rootType) as { getFields(): Record<string, unknown> } | null;
      for (const field of Object.keys(type?.getFields() ?? {})) {
        if (!(field in ROOT_FIELD_RULES[rootType])) unclassified.push(`${rootType}.${field}`);
      }
    }
    expect(
      unclassified,
      'Add these fields to server/src/modules/api-tokens/root-field-rules.ts',
    ).toEqual([]);
    expect(DEFAULT_RULES).toEqual({ Query: 'READ', Mutation: 'CHAT', Subscription: 'READ' });
  });
});

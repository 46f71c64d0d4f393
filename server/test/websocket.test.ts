import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { gql, setupAdmin } from './helpers/graphql.ts';
import { startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let admin: Awaited<ReturnType<typeof setupAdmin>>;
const wsUrl = () => `${server.url.replace('http', 'ws')}/graphql`;

beforeAll(async () => {
  server = await startServer();
  admin = await setupAdmin(server.url);
});
afterAll(() => server.stop());

function connect(authorization?: string): Client {
  return createClient({
    url: wsUrl(),
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: authorization ? { authorization } : {},
    onNonLazyError: () => {},
  });
}

/** Runs one operation; resolves with its result or rejects with the close event or errors. */
function run(client: Client, query: string): Promise<any> {
  return new Promise((resolve, reject) => {
    let result: unknown;
    client.subscribe(
      { query },
      { next: (value) => (result = value), error: reject, complete: () => resolve(result) },
    );
  });
}

describe('the GraphQL WebSocket', () => {
  it('runs operations as the user named in connectionParams', async () => {
    const client = connect(`Bearer ${admin.token}`);
    expect(await run(client, '{ viewer { username isAdmin } }')).toEqual({
      data: { viewer: { username: 'admin', isAdmin: true } },
    });
    await client.dispose();
  });

  it.each([
    ['no token', undefined],
    ['a bad token', 'Bearer not-a-token'],
    ['a malformed header', `Token ${'x'.repeat(20)}`],
  ])('closes the connection with 4403 for %s', async (_name, authorization) => {
    const client = connect(authorization);
    const closed = await run(client, '{ setupRequired }').catch((event) => event);
    expect(closed.code).toBe(4403);
    await client.dispose();
  });

  it('re-checks the session for every operation: after logout, operations fail', async () => {
    const signedIn = await gql(
      server.url,
      'mutation { login(input: {username: "admin", password: "admin password 1"}) { accessToken } }',
    );
    const token = signedIn.data!.login.accessToken;
    const client = connect(`Bearer ${token}`);
    expect((await run(client, '{ viewer { username } }')).data.viewer.username).toBe('admin');
    await gql(server.url, 'mutation { logout }', {}, { token });
    const after = await run(client, '{ viewer { username } }').catch((errors) => ({ errors }));
    expect(after.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    await client.dispose();
  });

  it('closes a socket that never sends connection_init (4408)', async () => {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws');
    const code = await new Promise<number>((resolve) => socket.on('close', (c) => resolve(c)));
    expect(code).toBe(4408);
  });

  it('refuses the upgrade from a page of another origin', async () => {
    const socket = new WebSocket(wsUrl(), 'graphql-transport-ws', {
      origin: 'https://evil.example',
    });
    const status = await new Promise<number>((resolve) => {
      socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.on('open', () => resolve(101));
      socket.on('error', () => {});
    });
    expect(status).toBe(401);
  });
});

import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from './helpers/api-tokens.ts';
import { errorCode, gql, setupAdmin } from './helpers/graphql.ts';
import { startServer, type TestServer } from './helpers/server.ts';

let server: TestServer;
let admin: Awaited<ReturnType<typeof setupAdmin>>;

beforeAll(async () => {
  server = await startServer();
  admin = await setupAdmin(server.url);
});
afterAll(() => server.stop());

const introspection = [
  '{ __schema { queryType { name } } }',
  '{ __type(name: "Query") { name } }',
  'query { ...Peek } fragment Peek on Query { __schema { types { name } } }',
];

describe('introspection for the playground', () => {
  it.each(introspection)('is refused to anonymous callers: %s', async (query) => {
    const result = await gql(server.url, query);
    expect(errorCode(result)).toBe('UNAUTHENTICATED');
    expect(result.errors![0]!.message).toBe(
      'Sign in, or send an API token, to explore the schema.',
    );
    expect(result.data ?? null).toBeNull();
  });

  it('is open to signed-in users and to any API token', async () => {
    const { token } = await createApiToken(server.url, admin.token, { scopes: ['READ'] });
    for (const credential of [admin.token, token]) {
      const result = await gql(server.url, introspection[0]!, {}, { token: credential });
      expect(result.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    }
  });

  it("passes the query limits with GraphiQL's full introspection query", async () => {
    const result = await gql(server.url, getIntrospectionQuery(), {}, { token: admin.token });
    expect(result.errors).toBeUndefined();
    expect(result.data!.__schema.types.length).toBeGreaterThan(20);
  });

  it('still answers the public fields and __typename anonymously', async () => {
    const result = await gql(server.url, '{ __typename setupRequired appInfo { version } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ __typename: 'Query', setupRequired: false });
  });
});

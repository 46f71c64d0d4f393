import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCode, gql } from './helpers/graphql.ts';
import { startServer, type TestServer } from './helpers/server.ts';

const INLINE_BOOT = 'window.boot = 1;';
let server: TestServer;
beforeAll(async () => {
  const clientDir = mkdtempSync(join(tmpdir(), 'claude-rasp-client-'));
  mkdirSync(join(clientDir, '_app', 'immutable'), { recursive: true });
  writeFileSync(
    join(clientDir, 'index.html'),
    `<!doctype html><div id="app"></div><script>${INLINE_BOOT}</script>`,
  );
  writeFileSync(join(clientDir, '_app', 'immutable', 'entry.abc123.js'), 'export {};');
  server = await startServer({}, { clientDir });
});
afterAll(() => server.stop());

describe('query limits (graphql-armor)', () => {
  it('refuses deep queries, alias floods and gives no field suggestions', async () => {
    const nested = `{ __schema { types { ${'fields { type { '.repeat(8)} name ${'} } '.repeat(8)} } } }`;
    const tooDeep = await gql(server.url, nested);
    // graphql-js's own MaxIntrospectionDepthRule; armor's depth limit covers the rest.
    expect(tooDeep.errors?.[0]?.message).toMatch(/introspection depth/i);
    expect(tooDeep.data).toBeUndefined();
    // Anonymous callers may not introspect; playground.test.ts runs the full query signed in.
    const introspection = await gql(server.url, getIntrospectionQuery());
    expect(errorCode(introspection)).toBe('UNAUTHENTICATED');
    const aliases = `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: setupRequired`).join(' ')} }`;
    const flood = await gql(server.url, aliases);
    expect(flood.errors?.[0]?.message).toMatch(/alias/i);
    expect(flood.data).toBeUndefined();
    const typo = await gql(server.url, '{ setupRequire }');
    expect(errorCode(typo)).toBe('BAD_USER_INPUT');
    expect(typo.errors![0]!.message).not.toMatch(/Did you mean/);
  });

  it('refuses a request body over the limit with 413, and one of unknown length with 411', async () => {
    const big = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ setupRequired }',
        variables: { pad: 'x'.repeat(1_100_000) },
      }),
    });
    expect(big.status).toBe(413);
    const chunked = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: new ReadableStream({
        start: (c) => (
          c.enqueue(new TextEncoder().encode('{"query":"{ setupRequired }"}')),
          c.close()
        ),
      }),
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(411);
  });
});

describe('CSRF and CORS', () => {
  it('refuses GET operations and simple-content POSTs without the CSRF header', async () => {
    const get = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ setupRequired }')}`,
    );
    expect(get.status).toBe(403);
    const form = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { logout }' }),
    });
    expect(form.status).toBe(403);
    const withHeader = await fetch(
      `${server.url}/graphql?query=${encodeURIComponent('{ setupRequired }')}`,
      {
        headers: { 'x-graphql-yoga-csrf': '1' },
      },
    );
    expect(await withHeader.json()).toEqual({ data: { setupRequired: true } });
  });

  it('grants no CORS access to another origin', async () => {
    const preflight = await fetch(`${server.url}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();
    const post = await gql(
      server.url,
      '{ setupRequired }',
      {},
      { headers: { origin: 'https://evil.example' } },
    );
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers and the static client', () => {
  it('sends CSP, frame-ancestors, nosniff and referrer policy on every response', async () => {
    for (const path of ['/healthz', '/graphql', '/', '/some/client/route']) {
      const response = await fetch(`${server.url}${path}`, {
        method: path === '/graphql' ? 'OPTIONS' : 'GET',
      });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('allows exactly the inline bootstrap script of the build by its hash', async () => {
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256').update(INLINE_BOOT).digest('base64');
    const csp = (await fetch(`${server.url}/`)).headers.get('content-security-policy')!;
    expect(csp).toMatch(new RegExp(`script-src 'self' 'sha256-${hash.replace(/[+/=]/g, '\\$&')}'`));
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('serves client routes with index.html and caches only hashed assets for long', async () => {
    const route = await fetch(`${server.url}/admin/users`);
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<div id="app">');
    expect(route.headers.get('cache-control')).toBe('no-cache');
    const asset = await fetch(`${server.url}/_app/immutable/entry.abc123.js`);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers /healthz with a small JSON status', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: 'ok',
      version: expect.any(String),
    });
  });
});

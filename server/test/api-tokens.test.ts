import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isWellFormedApiToken } from '../src/modules/api-tokens/token-format.ts';
import { API_TOKEN_FIELDS, createApiToken, sse } from './helpers/api-tokens.ts';
import { createConversation, sendMessage, startChatWorld, type ChatWorld } from './helpers/chat.ts';
import { createMember, errorCode, gql } from './helpers/graphql.ts';

let world: ChatWorld;
let member: Awaited<ReturnType<typeof createMember>>;
const url = () => world.server.url;
const admin = () => world.admin.token;

beforeAll(async () => {
  world = await startChatWorld({ RATE_LIMIT_TOKENS_PER_HOUR: '0' });
  member = await createMember(url(), admin());
});
afterAll(() => world.stop());

const viewerQuery = '{ viewer { username } }';
const listTokens = (sessionToken: string) =>
  gql(url(), `{ apiTokens { ${API_TOKEN_FIELDS} } }`, {}, { token: sessionToken });
const revoke = (sessionToken: string, id: string) =>
  gql(
    url(),
    `mutation($id: ID!) { revokeApiToken(id: $id) { ${API_TOKEN_FIELDS} } }`,
    { id },
    { token: sessionToken },
  );
const create = (sessionToken: string, input: Record<string, unknown>) =>
  gql(
    url(),
    'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token } }',
    { input },
    { token: sessionToken },
  );

/** Every byte SQLite has written for the test database, write-ahead log included. */
function databaseBytes(): string {
  const file = join(world.server.storageDir, 'database', 'claude-rasp.sqlite');
  return [file, `${file}-wal`]
    .filter((path) => existsSync(path))
    .map((path) => readFileSync(path).toString('latin1'))
    .join('');
}

describe('creating and listing API tokens', () => {
  it('shows the secret once, in a format scanners recognise, and never again', async () => {
    const created = await createApiToken(url(), member.token, {
      name: 'nightly summary',
      scopes: ['CHAT'],
    });
    expect(created.token).toMatch(/^rasp_[0-9A-Za-z]{36}$/);
    expect(isWellFormedApiToken(created.token)).toBe(true);
    expect(created.apiToken).toMatchObject({
      name: 'nightly summary',
      scopes: ['READ', 'CHAT'],
      prefix: created.token.slice(0, 12),
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });

    const listed = await listTokens(member.token);
    expect(listed.data!.apiTokens).toEqual([created.apiToken]);
    const secretPart = created.token.slice(12);
    expect(JSON.stringify(listed.data)).not.toContain(secretPart);
    expect(
      JSON.stringify(await gql(url(), '{ viewer { id } }', {}, { token: member.token })),
    ).not.toContain(secretPart);

    const sha256 = createHash('sha256').update(created.token).digest('hex');
    const stored = databaseBytes();
    expect(stored).toContain(sha256);
    expect(stored).not.toContain(secretPart);
  });

  it.each([
    ['an empty name', { name: '  ', scopes: ['READ'] }, 'name'],
    ['a name over 64 characters', { name: 'x'.repeat(65), scopes: ['READ'] }, 'name'],
    ['no scope', { name: 'none', scopes: [] }, 'scopes'],
    [
      'an expiry in the past',
      { name: 'old', scopes: ['READ'], expiresAt: '2020-01-01T00:00:00Z' },
      'expiresAt',
    ],
  ])('refuses %s', async (_what, input, field) => {
    const result = await create(member.token, input);
    expect(errorCode(result)).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.field).toBe(field);
  });

  it('lets only administrators create ADMIN tokens', async () => {
    const refused = await create(member.token, { name: 'sneaky', scopes: ['ADMIN'] });
    expect(errorCode(refused)).toBe('FORBIDDEN');
    const created = await createApiToken(url(), admin(), { name: 'ops', scopes: ['ADMIN'] });
    expect(created.apiToken.scopes).toEqual(['READ', 'CHAT', 'ADMIN']);
  });

  it("keeps each user's tokens to themselves", async () => {
    const mine = await createApiToken(url(), admin(), { name: 'admin only', scopes: ['READ'] });
    const theirs = (await listTokens(member.token)).data!.apiTokens as { id: string }[];
    expect(theirs.map((t) => t.id)).not.toContain(mine.apiToken.id);
    expect(errorCode(await revoke(member.token, mine.apiToken.id))).toBe('NOT_FOUND');
    expect(errorCode(await revoke(member.token, 'not-an-id'))).toBe('BAD_USER_INPUT');
    expect((await gql(url(), viewerQuery, {}, { token: mine.token })).data).toEqual({
      viewer: { username: 'admin' },
    });
  });

  it('is refused to anonymous callers', async () => {
    expect(errorCode(await gql(url(), '{ apiTokens { id } }'))).toBe('UNAUTHENTICATED');
    expect(errorCode(await create('', { name: 'x', scopes: ['READ'] }))).toBe('UNAUTHENTICATED');
  });
});

describe('calling the API with a token', () => {
  it('acts as its owner and records when it was used', async () => {
    const { token, apiToken } = await createApiToken(url(), member.token, { scopes: ['READ'] });
    const result = await gql(url(), viewerQuery, {}, { token });
    expect(result.data).toEqual({ viewer: { username: 'member' } });
    const listed = (await listTokens(member.token)).data!.apiTokens as any[];
    const used = listed.find((t) => t.id === apiToken.id);
    expect(Date.parse(used.lastUsedAt)).toBeGreaterThanOrEqual(Date.parse(used.createdAt));
  });

  it('refuses an unknown token, and one with a wrong checksum', async () => {
    const { token } = await createApiToken(url(), member.token, { scopes: ['READ'] });
    const last = token.at(-1) === 'a' ? 'b' : 'a';
    for (const bad of [`${token.slice(0, -1)}${last}`, `rasp_${'0'.repeat(36)}`, 'rasp_short']) {
      const result = await gql(url(), viewerQuery, {}, { token: bad });
      expect(errorCode(result)).toBe('UNAUTHENTICATED');
      expect(result.errors![0]!.message).toBe('This API token is invalid, expired or revoked.');
    }
  });

  it('stops a revoked token at once', async () => {
    const { token, apiToken } = await createApiToken(url(), member.token, { scopes: ['READ'] });
    expect(errorCode(await gql(url(), viewerQuery, {}, { token }))).toBeUndefined();
    const revoked = await revoke(member.token, apiToken.id);
    expect(revoked.data!.revokeApiToken.revokedAt).toEqual(expect.any(String));
    expect(errorCode(await gql(url(), viewerQuery, {}, { token }))).toBe('UNAUTHENTICATED');
    const again = await revoke(member.token, apiToken.id);
    expect(again.data!.revokeApiToken.revokedAt).toBe(revoked.data!.revokeApiToken.revokedAt);
    const listed = (await listTokens(member.token)).data!.apiTokens as any[];
    expect(listed.find((t) => t.id === apiToken.id).revokedAt).toBe(
      revoked.data!.revokeApiToken.revokedAt,
    );
  });

  it('stops a token when it expires', async () => {
    const expiresAt = new Date(Date.now() + 1500);
    const soon = await createApiToken(url(), member.token, {
      scopes: ['READ'],
      expiresAt: expiresAt.toISOString(),
    });
    const later = await createApiToken(url(), member.token, {
      scopes: ['READ'],
      expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(Date.parse(soon.apiToken.expiresAt as string)).toBe(expiresAt.getTime());
    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 50));
    expect(errorCode(await gql(url(), viewerQuery, {}, { token: soon.token }))).toBe(
      'UNAUTHENTICATED',
    );
    expect((await gql(url(), viewerQuery, {}, { token: later.token })).data).toEqual({
      viewer: { username: 'member' },
    });
  });

  it("stops working while its owner is deactivated, and goes with the owner's account", async () => {
    const other = await createMember(url(), admin(), 'scripter');
    const { token } = await createApiToken(url(), other.token, { scopes: ['CHAT'] });
    const setActive = (isActive: boolean) =>
      gql(
        url(),
        'mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { isActive } }',
        { id: other.id, input: { isActive } },
        { token: admin() },
      );
    await setActive(false);
    expect(errorCode(await gql(url(), viewerQuery, {}, { token }))).toBe('UNAUTHENTICATED');
    await setActive(true);
    expect((await gql(url(), viewerQuery, {}, { token })).data).toEqual({
      viewer: { username: 'scripter' },
    });
    await gql(
      url(),
      'mutation($id: ID!) { deleteUser(id: $id) }',
      { id: other.id },
      { token: admin() },
    );
    expect(errorCode(await gql(url(), viewerQuery, {}, { token }))).toBe('UNAUTHENTICATED');
  });

  it("charges what a token spends to its owner's budget", async () => {
    const { token } = await createApiToken(url(), member.token, { scopes: ['CHAT'] });
    const budgetQuery = '{ budget { daily { spent } monthly { spent } } }';
    const before = (await gql(url(), budgetQuery, {}, { token: member.token })).data!.budget;
    world.fake.script({ text: 'Paid for by the member.', usage: { input: 1000, output: 500 } });
    const conversation = await createConversation(url(), token);
    const sent = await sendMessage(url(), token, {
      conversationId: conversation.id,
      content: 'Who pays?',
    });
    expect(sent.errors).toBeUndefined();
    const stream = await sse(
      url(),
      'subscription($id: ID!) { messageStream(messageId: $id) { ... on MessageCompleted { message { cost } } } }',
      { id: sent.data!.sendMessage.assistantMessage.id },
      token,
    );
    const cost = stream.events.find((e) => e.event === 'next' && e.data.data.messageStream.message)
      ?.data.data.messageStream.message.cost;
    expect(cost).toBeGreaterThan(0);
    const after = (await gql(url(), budgetQuery, {}, { token: member.token })).data!.budget;
    expect(after.daily.spent - before.daily.spent).toBeCloseTo(cost, 6);
    expect(after.monthly.spent - before.monthly.spent).toBeCloseTo(cost, 6);
  });
});

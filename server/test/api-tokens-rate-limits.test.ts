import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken } from './helpers/api-tokens.ts';
import { createConversation, sendMessage, startChatWorld, type ChatWorld } from './helpers/chat.ts';
import { createMember, errorCode, gql } from './helpers/graphql.ts';

let world: ChatWorld;
let member: Awaited<ReturnType<typeof createMember>>;
const url = () => world.server.url;

beforeAll(async () => {
  world = await startChatWorld({
    RATE_LIMIT_MESSAGES_PER_MINUTE: '3',
    RATE_LIMIT_TOKENS_PER_HOUR: '2',
  });
  member = await createMember(url(), world.admin.token);
});
afterAll(() => world.stop());

const createToken = (sessionToken: string) =>
  gql(
    url(),
    'mutation { createApiToken(input: { name: "limited", scopes: [CHAT] }) { token } }',
    {},
    { token: sessionToken },
  );

describe('rate limits', () => {
  it('limits API token creation per user and hour', async () => {
    expect(errorCode(await createToken(member.token))).toBeUndefined();
    expect(errorCode(await createToken(member.token))).toBeUndefined();
    const refused = await createToken(member.token);
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.errors![0]!.message).toMatch(/too many API tokens \(2 an hour\)/);
    const retryAfter = refused.errors![0]!.extensions!.retryAfter as number;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(errorCode(await createToken(world.admin.token))).toBeUndefined();
  });

  it("limits sendMessage per user: sessions and tokens share the user's allowance", async () => {
    const { token } = await createApiToken(url(), world.admin.token, { scopes: ['CHAT'] });
    // A conversation per message: a conversation takes one message at a time.
    const send = async (credential: string) => {
      const conversation = await createConversation(url(), credential);
      return sendMessage(url(), credential, { conversationId: conversation.id, content: 'Hi' });
    };
    expect(errorCode(await send(token))).toBeUndefined();
    expect(errorCode(await send(world.admin.token))).toBeUndefined();
    expect(errorCode(await send(token))).toBeUndefined();
    const refused = await send(world.admin.token);
    expect(errorCode(refused)).toBe('RATE_LIMITED');
    expect(refused.errors![0]!.message).toMatch(/too fast \(3 a minute\)/);
    const retryAfter = refused.errors![0]!.extensions!.retryAfter as number;
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(errorCode(await send(token))).toBe('RATE_LIMITED');

    // Another user has an allowance of their own; two messages in one operation count twice.
    expect(errorCode(await send(member.token))).toBeUndefined();
    expect(errorCode(await send(member.token))).toBeUndefined();
    const conversation = await createConversation(url(), member.token);
    const twice = await gql(
      url(),
      `mutation($input: SendMessageInput!) {
        first: sendMessage(input: $input) { assistantMessage { id } }
        second: sendMessage(input: $input) { assistantMessage { id } }
      }`,
      { input: { conversationId: conversation.id, content: 'Twice' } },
      { token: member.token },
    );
    expect(errorCode(twice)).toBe('RATE_LIMITED');
    expect(twice.data ?? null).toBeNull();
  });
});

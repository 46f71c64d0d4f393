import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApiToken, sse, type ApiScope } from './helpers/api-tokens.ts';
import {
  createConversation,
  followStream,
  joined,
  sendMessage,
  startChatWorld,
  wsClient,
  type ChatWorld,
} from './helpers/chat.ts';
import { createMember, gql } from './helpers/graphql.ts';

let world: ChatWorld;
const url = () => world.server.url;
const tokens = {} as Record<ApiScope, string>;

beforeAll(async () => {
  world = await startChatWorld({ RATE_LIMIT_TOKENS_PER_HOUR: '0' });
  for (const scope of ['READ', 'CHAT', 'ADMIN'] as const) {
    tokens[scope] = (await createApiToken(url(), world.admin.token, { scopes: [scope] })).token;
  }
});
afterAll(() => world.stop());
beforeEach(() => world.fake.reset());

const FOLLOW = `subscription($id: ID!) { messageStream(messageId: $id) {
  __typename ... on MessageDelta { text offset } ... on MessageCompleted { message { status content cost } } } }`;

/** Sends a message with a CHAT token; the fake writes the reply slowly, in small pieces. */
async function startReply(text: string) {
  world.fake.script({ text, chunkSize: 4, deltaDelayMs: 10 });
  const conversation = await createConversation(url(), tokens.CHAT);
  const sent = await sendMessage(url(), tokens.CHAT, {
    conversationId: conversation.id,
    content: 'Go on',
  });
  expect(sent.errors).toBeUndefined();
  return sent.data!.sendMessage.assistantMessage.id as string;
}

const streamOf = (events: { event: string; data: any }[]) =>
  events.filter((e) => e.event === 'next').map((e) => e.data.data.messageStream);

describe('subscriptions over server-sent events', () => {
  it('lets a token of every scope follow a reply to its end', async () => {
    const text = 'Streamed over server-sent events, piece by piece.';
    const messageId = await startReply(text);
    const followed = await Promise.all(
      (['READ', 'CHAT', 'ADMIN'] as const).map((scope) =>
        sse(url(), FOLLOW, { id: messageId }, tokens[scope]),
      ),
    );
    for (const result of followed) {
      expect(result.status).toBe(200);
      expect(result.contentType).toMatch(/^text\/event-stream/);
      const events = streamOf(result.events);
      expect(joined(events.filter((e) => e.__typename === 'MessageDelta'))).toBe(text);
      expect(events.at(-1)).toMatchObject({
        __typename: 'MessageCompleted',
        message: { status: 'COMPLETE', content: text },
      });
      expect(result.events.at(-1)!.event).toBe('complete');
    }
  });

  it('works with the access token of a signed-in session too', async () => {
    const messageId = await startReply('For the session.');
    const result = await sse(url(), FOLLOW, { id: messageId }, world.admin.token);
    expect(streamOf(result.events).at(-1).message.content).toBe('For the session.');
  });

  it("refuses anonymous callers, revoked tokens and other users' messages", async () => {
    const messageId = await startReply('Private.');
    const anonymous = await sse(url(), FOLLOW, { id: messageId });
    expect(anonymous.events[0]!.data.errors[0].extensions.code).toBe('UNAUTHENTICATED');

    const { token, apiToken } = await createApiToken(url(), world.admin.token, {
      scopes: ['READ'],
    });
    await gql(
      url(),
      'mutation($id: ID!) { revokeApiToken(id: $id) { id } }',
      { id: apiToken.id },
      {
        token: world.admin.token,
      },
    );
    const revoked = await sse(url(), FOLLOW, { id: messageId }, token);
    const revokedErrors = revoked.events[0]?.data.errors ?? [];
    expect(revokedErrors[0]?.extensions.code).toBe('UNAUTHENTICATED');

    const member = await createMember(url(), world.admin.token);
    const theirs = await createApiToken(url(), member.token, { scopes: ['READ'] });
    const foreign = await sse(url(), FOLLOW, { id: messageId }, theirs.token);
    expect(foreign.events[0]!.data.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('answers queries over SSE as well, scopes applied', async () => {
    const query = await sse(url(), '{ viewer { username } }', {}, tokens.READ);
    expect(query.events[0]).toEqual({
      event: 'next',
      data: { data: { viewer: { username: 'admin' } } },
    });
    const refused = await sse(
      url(),
      'mutation { createConversation(input: {}) { id } }',
      {},
      tokens.READ,
    );
    expect(refused.events[0]!.data.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

describe('subscriptions over the WebSocket with an API token', () => {
  it('follows a reply with the token in connectionParams', async () => {
    const text = 'Streamed over the socket.';
    const messageId = await startReply(text);
    const client = wsClient(url(), tokens.READ);
    const stream = await followStream(client, messageId);
    await client.dispose();
    expect(joined(stream.deltas)).toBe(text);
    expect(stream.completed.status).toBe('COMPLETE');
  });

  it('refuses sendMessage over the socket for a READ token', async () => {
    const conversation = await createConversation(url(), tokens.CHAT);
    const client = wsClient(url(), tokens.READ);
    const result = await new Promise<any>((resolve, reject) => {
      let value: unknown;
      client.subscribe(
        {
          query:
            'mutation($input: SendMessageInput!) { sendMessage(input: $input) { userMessage { id } } }',
          variables: { input: { conversationId: conversation.id, content: 'Not allowed' } },
        },
        { next: (v) => (value = v), error: reject, complete: () => resolve(value) },
      );
    });
    await client.dispose();
    expect(result.errors[0].extensions.code).toBe('FORBIDDEN');
  });
});

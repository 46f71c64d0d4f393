import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createConversation,
  followStream,
  joined,
  sendMessage,
  startChatWorld,
  wsClient,
  type ChatWorld,
} from './helpers/chat.ts';
import { errorCode, gql, setupAdmin } from './helpers/graphql.ts';
import { startServer } from './helpers/server.ts';

let world: ChatWorld;
beforeAll(async () => {
  world = await startChatWorld();
});
afterAll(() => world.stop());
beforeEach(() => world.fake.reset());

/** Sends one message in a new conversation and follows the reply to its end. */
async function exchange(content = 'hello') {
  const { url } = world.server;
  const token = world.admin.token;
  const conversation = await createConversation(url, token);
  const sent = await sendMessage(url, token, { conversationId: conversation.id, content });
  expect(sent.errors).toBeUndefined();
  const client = wsClient(url, token);
  const stream = await followStream(client, sent.data!.sendMessage.assistantMessage.id);
  await client.dispose();
  return { conversation, stream };
}

describe('upstream faults', () => {
  it('retries a 529 before the first token and completes', async () => {
    world.fake.script({ httpError: { status: 529, retryAfterMs: 1 } }, { text: 'after the retry' });
    const { stream } = await exchange();
    expect(stream.completed).toMatchObject({ status: 'COMPLETE', content: 'after the retry' });
    expect(world.fake.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(2);
  });

  it('fails with a human error when the upstream stays overloaded, and the next message works', async () => {
    world.fake.script({ httpError: { status: 529, retryAfterMs: 1 }, times: 3 });
    const { stream } = await exchange();
    expect(stream.completed).toMatchObject({
      status: 'FAILED',
      content: '',
      error: 'Claude is overloaded right now. Try again in a moment.',
    });
    expect(stream.completed.inputTokens).toBe(0);
    world.fake.script({ text: 'working again' });
    expect((await exchange()).stream.completed).toMatchObject({
      status: 'COMPLETE',
      content: 'working again',
    });
  });

  it('keeps the partial text when an error event arrives mid-stream', async () => {
    world.fake.script({
      text: 'first part, then trouble',
      chunkSize: 5,
      firstTokenDelayMs: 100,
      deltaDelayMs: 20,
      streamError: { afterDeltas: 2, type: 'overloaded_error', message: 'Overloaded' },
      usage: { input: 40 },
    });
    const { stream } = await exchange();
    expect(joined(stream.deltas)).toBe('first part');
    expect(stream.completed).toMatchObject({
      status: 'FAILED',
      content: 'first part',
      inputTokens: 40,
    });
    expect(stream.completed.error).toMatch(/overloaded/i);
    expect(stream.completed.outputTokens).toBeGreaterThan(0);
  });

  it('explains a rejected API key', async () => {
    world.fake.script({ httpError: { status: 401 } });
    const { stream } = await exchange();
    expect(stream.completed.status).toBe('FAILED');
    expect(stream.completed.error).toMatch(/API key was rejected/);
  });
});

describe('without an API key', () => {
  it('works for everything but chat, and chat says why', async () => {
    const server = await startServer();
    try {
      const admin = await setupAdmin(server.url);
      const info = await gql(server.url, '{ appInfo { chatAvailable } }');
      expect(info.data).toEqual({ appInfo: { chatAvailable: false } });
      const conversation = await createConversation(server.url, admin.token);
      const sent = await sendMessage(server.url, admin.token, {
        conversationId: conversation.id,
        content: 'hi',
      });
      expect(errorCode(sent)).toBe('UPSTREAM_ERROR');
      expect(sent.errors![0]!.message).toMatch(/has not set an Anthropic API key/);
      const stored = await gql(
        server.url,
        `{ conversation(id: "${conversation.id}") { messages { id } } }`,
        {},
        { token: admin.token },
      );
      expect(stored.data!.conversation.messages).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { echoLastUserMessage } from './fake-anthropic/scenarios.ts';
import {
  createConversation,
  followStream,
  joined,
  MESSAGE_FIELDS,
  sendMessage,
  startChatWorld,
  wsClient,
  type ChatWorld,
} from './helpers/chat.ts';
import { createMember, errorCode, gql } from './helpers/graphql.ts';

let world: ChatWorld;
beforeAll(async () => {
  world = await startChatWorld({ COST_USD_RATE: '0.5' });
});
afterAll(() => world.stop());
beforeEach(() => world.fake.reset());

const conversationQuery = `query($id: ID!) { conversation(id: $id) { id title messages { ${MESSAGE_FIELDS} } } }`;

describe('sendMessage and messageStream', () => {
  it('streams a reply whose deltas join to the stored content, with exact usage and cost', async () => {
    const { url } = world.server;
    const token = world.admin.token;
    world.fake.script({
      text: 'Hello there, this is a streamed reply in several pieces.',
      chunkSize: 7,
      deltaDelayMs: 5,
      usage: { input: 1200, output: 345, cacheWrite: 100, cacheRead: 2000 },
    });
    const conversation = await createConversation(url, token, {
      model: 'claude-sonnet-5-5',
      systemPrompt: 'Be brief.',
    });
    const sent = await sendMessage(url, token, {
      conversationId: conversation.id,
      content: 'Say hello',
    });
    expect(sent.errors).toBeUndefined();
    const { userMessage, assistantMessage } = sent.data!.sendMessage;
    expect(userMessage).toMatchObject({ role: 'USER', content: 'Say hello', status: 'COMPLETE' });
    expect(assistantMessage).toMatchObject({
      role: 'ASSISTANT',
      status: 'STREAMING',
      model: 'claude-sonnet-5-5',
    });

    const client = wsClient(url, token);
    const stream = await followStream(client, assistantMessage.id);
    await client.dispose();
    expect(stream.deltas[0]!.offset).toBe(0);
    expect(joined(stream.deltas)).toBe('Hello there, this is a streamed reply in several pieces.');
    expect(stream.events.at(-1).__typename).toBe('MessageCompleted');
    const usd = (1200 * 2 + 345 * 10 + 100 * 2.5 + 2000 * 0.1) / 1_000_000;
    expect(stream.completed).toMatchObject({
      status: 'COMPLETE',
      stopReason: 'end_turn',
      content: 'Hello there, this is a streamed reply in several pieces.',
      inputTokens: 1200,
      outputTokens: 345,
      cacheWriteTokens: 100,
      cacheReadTokens: 2000,
    });
    expect(stream.completed.cost).toBeCloseTo(usd * 0.5, 12);

    const request = world.fake.requests.at(-1)!.body!;
    expect(request).toMatchObject({
      model: 'claude-sonnet-5-5',
      system: 'Be brief.',
      stream: true,
    });
    expect(request.messages).toEqual([{ role: 'user', content: 'Say hello' }]);

    const stored = await gql(url, conversationQuery, { id: conversation.id }, { token });
    expect(stored.data!.conversation.title).toBe('Say hello');
    expect(stored.data!.conversation.messages.map((m: any) => m.status)).toEqual([
      'COMPLETE',
      'COMPLETE',
    ]);
  });

  it('sends the whole history upstream, oldest first', async () => {
    const { url } = world.server;
    const token = world.admin.token;
    world.fake.setDefault({ text: echoLastUserMessage });
    const conversation = await createConversation(url, token);
    const client = wsClient(url, token);
    for (const content of ['first question', 'second question']) {
      const sent = await sendMessage(url, token, { conversationId: conversation.id, content });
      await followStream(client, sent.data!.sendMessage.assistantMessage.id);
    }
    await client.dispose();
    expect(world.fake.requests.at(-1)!.body!.messages).toEqual([
      { role: 'user', content: 'first question' },
      { role: 'assistant', content: expect.stringContaining('first question') },
      { role: 'user', content: 'second question' },
    ]);
  });

  it('gives a late subscriber all text so far at offset 0, then the rest', async () => {
    const { url } = world.server;
    const token = world.admin.token;
    world.fake.script({ text: 'abcdefghij'.repeat(10), chunkSize: 5, deltaDelayMs: 20 });
    const conversation = await createConversation(url, token);
    const sent = await sendMessage(url, token, { conversationId: conversation.id, content: 'go' });
    const id = sent.data!.sendMessage.assistantMessage.id;
    await new Promise((r) => setTimeout(r, 150));
    const client = wsClient(url, token);
    const stream = await followStream(client, id);
    await client.dispose();
    expect(stream.deltas[0]!.offset).toBe(0);
    expect(stream.deltas[0]!.text.length).toBeGreaterThan(5);
    expect(joined(stream.deltas)).toBe('abcdefghij'.repeat(10));
    stream.deltas.reduce((at, d) => (expect(d.offset).toBe(at), at + d.text.length), 0);
  });

  it('answers a finished message with MessageCompleted at once', async () => {
    const { url } = world.server;
    const token = world.admin.token;
    world.fake.script({ text: 'done quickly' });
    const conversation = await createConversation(url, token);
    const sent = await sendMessage(url, token, { conversationId: conversation.id, content: 'hi' });
    const client = wsClient(url, token);
    const id = sent.data!.sendMessage.assistantMessage.id;
    await followStream(client, id);
    const again = await followStream(client, id);
    await client.dispose();
    expect(again.events.map((e) => e.__typename)).toEqual(['MessageCompleted']);
    expect(again.completed.content).toBe('done quickly');
  });

  it('keeps generating when the subscriber disconnects, and stores the whole reply', async () => {
    const { url } = world.server;
    const token = world.admin.token;
    world.fake.script({ text: 'x'.repeat(300), chunkSize: 10, deltaDelayMs: 10 });
    const conversation = await createConversation(url, token);
    const sent = await sendMessage(url, token, {
      conversationId: conversation.id,
      content: 'long one',
    });
    const id = sent.data!.sendMessage.assistantMessage.id;
    const client = wsClient(url, token);
    await new Promise<void>((resolve) => {
      let seen = 0;
      void followStream(client, id, () => {
        if (++seen === 3) {
          void client.dispose();
          resolve();
        }
      }).catch(() => {});
    });
    await expect
      .poll(
        async () => {
          const stored = await gql(url, conversationQuery, { id: conversation.id }, { token });
          return stored.data!.conversation.messages[1];
        },
        { timeout: 5000 },
      )
      .toMatchObject({ status: 'COMPLETE', content: 'x'.repeat(300) });
    expect(world.fake.requests.at(-1)!.disconnected).toBe(false);
  });

  it('stopGeneration aborts upstream, keeps the partial text and the tokens spent', async () => {
    const { url } = world.server;
    const token = world.admin.token;
    world.fake.script({
      text: 'partial answer that never ends',
      chunkSize: 8,
      hangAfterDeltas: 2,
      usage: { input: 500 },
    });
    const conversation = await createConversation(url, token);
    const sent = await sendMessage(url, token, {
      conversationId: conversation.id,
      content: 'stop me',
    });
    const id = sent.data!.sendMessage.assistantMessage.id;
    const client = wsClient(url, token);
    const stream = followStream(client, id);
    await expect
      .poll(() =>
        gql(
          url,
          `{ conversation(id: "${conversation.id}") { messages { content } } }`,
          {},
          { token },
        ).then((r) => r.data!.conversation.messages[1].content),
      )
      .toBe('partial answer t');
    const stopped = await gql(
      url,
      `mutation($id: ID!) { stopGeneration(messageId: $id) { ${MESSAGE_FIELDS} } }`,
      { id },
      { token },
    );
    expect(stopped.data!.stopGeneration).toMatchObject({
      status: 'STOPPED',
      stopReason: 'user',
      content: 'partial answer t',
      inputTokens: 500,
    });
    expect(stopped.data!.stopGeneration.outputTokens).toBeGreaterThanOrEqual(
      Math.ceil('partial answer t'.length / 4),
    );
    expect(stopped.data!.stopGeneration.cost).toBeGreaterThan(0);
    expect((await stream).completed.status).toBe('STOPPED');
    await client.dispose();
    await expect.poll(() => world.fake.requests.at(-1)!.disconnected).toBe(true);
  });
});

describe('deleting a conversation while Claude answers', () => {
  it('stops the upstream call first', async () => {
    const { url } = world.server;
    const token = world.admin.token;
    world.fake.script({ text: 'never finishes', hangAfterDeltas: 1 });
    const conversation = await createConversation(url, token);
    await sendMessage(url, token, { conversationId: conversation.id, content: 'hi' });
    await expect.poll(() => world.fake.requests.length).toBe(1);
    const deleted = await gql(
      url,
      'mutation($id: ID!) { deleteConversation(id: $id) }',
      { id: conversation.id },
      { token },
    );
    expect(deleted.errors).toBeUndefined();
    await expect.poll(() => world.fake.requests[0]!.disconnected).toBe(true);
  });
});

describe('validation: nothing invalid reaches the upstream', () => {
  it('refuses empty, oversized, unknown-model and concurrent messages', async () => {
    const { url } = world.server;
    const token = world.admin.token;
    const conversation = await createConversation(url, token);
    const send = (input: Record<string, unknown>) =>
      sendMessage(url, token, { conversationId: conversation.id, ...input });
    expect(errorCode(await send({ content: '   ' }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await send({ content: 'x'.repeat(100_001) }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await send({ content: 'hi', model: 'gpt-9' }))).toBe('BAD_USER_INPUT');
    expect(world.fake.requests).toHaveLength(0);

    world.fake.script({ text: 'slow', hangAfterDeltas: 1 });
    const first = await send({ content: 'one' });
    const second = await send({ content: 'two' });
    expect(errorCode(second)).toBe('CONFLICT');
    await gql(
      url,
      'mutation($id: ID!) { stopGeneration(messageId: $id) { status } }',
      { id: first.data!.sendMessage.assistantMessage.id },
      { token },
    );
    expect(world.fake.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(1);
  });
});

describe('isolation between users', () => {
  it("treats another user's conversation and message exactly like missing ones", async () => {
    const { url } = world.server;
    const owner = world.admin.token;
    const other = await createMember(url, owner, 'otheruser');
    world.fake.script({ text: 'private reply' });
    const conversation = await createConversation(url, owner);
    const sent = await sendMessage(url, owner, {
      conversationId: conversation.id,
      content: 'secret',
    });
    const messageId = sent.data!.sendMessage.assistantMessage.id;

    expect(
      (await gql(url, conversationQuery, { id: conversation.id }, { token: other.token })).data,
    ).toEqual({ conversation: null });
    expect(
      errorCode(
        await sendMessage(url, other.token, { conversationId: conversation.id, content: 'hi' }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await gql(
          url,
          'mutation($id: ID!) { deleteConversation(id: $id) }',
          { id: conversation.id },
          { token: other.token },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await gql(
          url,
          'mutation($id: ID!) { stopGeneration(messageId: $id) { id } }',
          { id: messageId },
          { token: other.token },
        ),
      ),
    ).toBe('NOT_FOUND');
    const list = await gql(
      url,
      '{ conversations(first: 50) { edges { node { id } } } }',
      {},
      { token: other.token },
    );
    expect(list.data!.conversations.edges).toEqual([]);
    const client = wsClient(url, other.token);
    const denied = await followStream(client, messageId).catch((errors) => errors);
    expect(denied[0].extensions.code).toBe('NOT_FOUND');
    await client.dispose();
  });
});

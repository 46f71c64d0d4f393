import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createConversation,
  followStream,
  sendMessage,
  startChatWorld,
  wsClient,
  type ChatWorld,
} from './helpers/chat.ts';
import { errorCode, gql } from './helpers/graphql.ts';

let world: ChatWorld;
beforeAll(async () => {
  world = await startChatWorld();
});
afterAll(() => world.stop());

const LIST = `query($first: Int, $after: String, $search: String) {
  conversations(first: $first, after: $after, search: $search) {
    edges { node { id title } cursor } pageInfo { hasNextPage endCursor } } }`;

async function chat(conversationId: string, content: string) {
  const { url } = world.server;
  const sent = await sendMessage(url, world.admin.token, { conversationId, content });
  const client = wsClient(url, world.admin.token);
  await followStream(client, sent.data!.sendMessage.assistantMessage.id);
  await client.dispose();
}

describe('conversations', () => {
  it('are created, renamed and deleted; bad input is refused', async () => {
    const { url } = world.server;
    const token = world.admin.token;
    const created = await createConversation(url, token, { title: '  Trip plans  ' });
    expect(created).toMatchObject({ title: 'Trip plans', model: 'claude-sonnet-5-5' });
    const renamed = await gql(
      url,
      'mutation($id: ID!) { updateConversation(id: $id, input: { title: "Holiday", model: "claude-haiku-5-5" }) { title model } }',
      { id: created.id },
      { token },
    );
    expect(renamed.data).toEqual({
      updateConversation: { title: 'Holiday', model: 'claude-haiku-5-5' },
    });
    for (const input of [
      { model: 'nope' },
      { title: 'x'.repeat(201) },
      { systemPrompt: 'x'.repeat(20_001) },
    ]) {
      expect(
        errorCode(
          await gql(
            url,
            'mutation($input: CreateConversationInput!) { createConversation(input: $input) { id } }',
            { input },
            { token },
          ),
        ),
      ).toBe('BAD_USER_INPUT');
    }
    expect(
      errorCode(await gql(url, '{ conversation(id: "not-an-id") { id } }', {}, { token })),
    ).toBe('BAD_USER_INPUT');
    const deleted = await gql(
      url,
      'mutation($id: ID!) { deleteConversation(id: $id) }',
      { id: created.id },
      { token },
    );
    expect(deleted.data).toEqual({ deleteConversation: created.id });
    expect(
      (
        await gql(
          url,
          'query($id: ID!) { conversation(id: $id) { id } }',
          { id: created.id },
          { token },
        )
      ).data,
    ).toEqual({ conversation: null });
  });

  it('list newest activity first, page by cursor, and search titles and message text', async () => {
    const { url } = world.server;
    const token = world.admin.token;
    world.fake.setDefault({ text: 'A reply about penguins and other birds.' });
    const a = await createConversation(url, token, { title: 'Alpha' });
    const b = await createConversation(url, token, { title: 'Bravo 100%' });
    const c = await createConversation(url, token, { title: 'Charlie' });
    await chat(a.id, 'tell me about birds');

    const page1 = await gql(url, LIST, { first: 2 }, { token });
    expect(page1.data!.conversations.edges.map((e: any) => e.node.title)).toEqual([
      'Alpha',
      'Charlie',
    ]);
    expect(page1.data!.conversations.pageInfo.hasNextPage).toBe(true);
    const page2 = await gql(
      url,
      LIST,
      { first: 2, after: page1.data!.conversations.pageInfo.endCursor },
      { token },
    );
    expect(page2.data!.conversations.edges.map((e: any) => e.node.id)).toContain(b.id);
    expect(page2.data!.conversations.edges.map((e: any) => e.node.id)).not.toContain(c.id);

    const byText = await gql(url, LIST, { search: 'PENGUINS' }, { token });
    expect(byText.data!.conversations.edges.map((e: any) => e.node.title)).toEqual(['Alpha']);
    const byTitle = await gql(url, LIST, { search: 'charl' }, { token });
    expect(byTitle.data!.conversations.edges.map((e: any) => e.node.title)).toEqual(['Charlie']);
    const literal = await gql(url, LIST, { search: '100%' }, { token });
    expect(literal.data!.conversations.edges.map((e: any) => e.node.title)).toEqual(['Bravo 100%']);
    const wildcard = await gql(url, LIST, { search: '_' }, { token });
    expect(wildcard.data!.conversations.edges).toEqual([]);
  });

  it('export as a readable Markdown document and as complete JSON', async () => {
    const { url } = world.server;
    const token = world.admin.token;
    world.fake.script({ text: 'Here is **the answer**.', usage: { input: 12, output: 7 } });
    const conversation = await createConversation(url, token, {
      title: 'Export me',
      systemPrompt: 'Be kind.',
    });
    await chat(conversation.id, 'What is the answer?');
    const exported = (format: string) =>
      gql(
        url,
        'query($id: ID!, $format: ExportFormat!) { exportConversation(id: $id, format: $format) }',
        { id: conversation.id, format },
        { token },
      ).then((r) => r.data!.exportConversation as string);

    const markdown = await exported('MARKDOWN');
    expect(markdown).toMatch(/^# Export me\n/);
    expect(markdown).toContain('## System prompt\n\nBe kind.');
    expect(markdown).toMatch(/## You\n\n_.+_\n\nWhat is the answer\?/);
    expect(markdown).toMatch(
      /## Claude \(claude-sonnet-5-5\)\n\n_.+_\n\nHere is \*\*the answer\*\*\./,
    );

    const json = JSON.parse(await exported('JSON'));
    expect(json).toMatchObject({
      format: 'claude-rasp.conversation',
      version: 1,
      conversation: { title: 'Export me', model: 'claude-sonnet-5-5', systemPrompt: 'Be kind.' },
    });
    expect(json.messages).toEqual([
      expect.objectContaining({ role: 'USER', content: 'What is the answer?', status: 'COMPLETE' }),
      expect.objectContaining({
        role: 'ASSISTANT',
        content: 'Here is **the answer**.',
        inputTokens: 12,
        outputTokens: 7,
        costUsd: (12 * 2 + 7 * 10) / 1e6,
      }),
    ]);
  });

  it('lists the models with prices in the configured currency', async () => {
    const result = await gql(
      world.server.url,
      '{ models { id displayName inputPrice outputPrice cacheWritePrice cacheReadPrice } }',
      {},
      { token: world.admin.token },
    );
    expect(result.data!.models).toContainEqual({
      id: 'claude-sonnet-5-5',
      displayName: 'Claude Sonnet 5.5',
      // $2, $10, $2.50 and $0.10 at 0.86 EUR per dollar, as people write them (no float noise).
      inputPrice: 1.72,
      outputPrice: 8.6,
      cacheWritePrice: 2.15,
      cacheReadPrice: 0.086,
    });
  });
});

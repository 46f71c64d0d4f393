import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ledgerToday } from './helpers/budget.ts';
import {
  addServer,
  connected,
  followReply,
  TOOL_CALL_FIELDS,
  waitForServer,
  type ToolCallView,
} from './fixtures/mcp/api.ts';
import { fixtureStdio } from './fixtures/mcp/fixture.ts';
import {
  createConversation,
  sendMessage,
  startChatWorld,
  wsClient,
  type ChatWorld,
} from './helpers/chat.ts';
import { createMember, errorCode, gql } from './helpers/graphql.ts';

const SECRET = 'tool-secret-0123456789';

let world: ChatWorld;

async function addFixtureServers(w: ChatWorld, servers: Record<string, 'AUTO' | 'ASK'>) {
  const { url } = w.server;
  for (const [name, approvalMode] of Object.entries(servers)) {
    await addServer(url, w.admin.token, {
      name,
      transport: 'STDIO',
      ...fixtureStdio(),
      env: [{ name: 'API_KEY', value: SECRET }],
      approvalMode,
    });
    await waitForServer(url, w.admin.token, name, connected);
  }
}

/** Sends a message in a new conversation and follows the reply to its end. */
async function ask(
  w: ChatWorld,
  onToolCall?: (call: ToolCallView, messageId: string) => void,
  options: { conversationId?: string; token?: string } = {},
) {
  const { url } = w.server;
  const token = options.token ?? w.admin.token;
  const conversationId = options.conversationId ?? (await createConversation(url, token)).id;
  const sent = await sendMessage(url, token, { conversationId, content: 'Use your tools.' });
  if (sent.errors) throw new Error(JSON.stringify(sent.errors));
  const messageId = sent.data!.sendMessage.assistantMessage.id as string;
  const client = wsClient(url, token);
  try {
    return await followReply(client, messageId, (call) => onToolCall?.(call, messageId));
  } finally {
    await client.dispose();
  }
}

const toolResults = (requestIndex: number) =>
  (world.fake.requests[requestIndex]!.body!.messages!.at(-1)!.content as any[]).filter(
    (block) => block.type === 'tool_result',
  );

const mutate = (query: string, variables: Record<string, unknown>, token = world.admin.token) =>
  gql(world.server.url, query, variables, { token });

beforeAll(async () => {
  world = await startChatWorld({
    MCP_TOOL_TIMEOUT_SECONDS: '30',
    MCP_APPROVAL_TIMEOUT_SECONDS: '60',
  });
  await addFixtureServers(world, { fixture: 'AUTO', asking: 'ASK', fragile: 'AUTO' });
});
afterAll(() => world?.stop());
beforeEach(() => world.fake.reset());

describe('the tool loop', () => {
  it('offers the tools, runs the call, sends the result back, and bills both rounds', async () => {
    world.fake.script(
      {
        text: 'Let me add that.',
        toolUses: [{ name: 'fixture__add', input: { a: 2, b: 3 }, id: 'toolu_add' }],
        usage: { input: 1000, output: 40 },
      },
      { text: '2 + 3 = 5.', usage: { input: 1100, output: 10 } },
    );
    const ledgerBefore = await ledgerToday(world.server.url, world.admin.token);
    const reply = await ask(world);

    const [first, second] = world.fake.requests;
    const offered = first!.body!.tools as any[];
    const add = offered.find((tool) => tool.name === 'fixture__add');
    expect(add).toMatchObject({
      description: 'Adds two numbers.',
      input_schema: {
        type: 'object',
        properties: { a: { type: 'number' }, b: { type: 'number' } },
      },
    });
    expect(offered.map((tool) => tool.name)).toContain('asking__weather_today');
    expect(offered.every((tool) => /^[a-zA-Z0-9_-]{1,64}$/.test(tool.name))).toBe(true);
    expect(second!.body!.messages!.at(-2)).toEqual({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Let me add that.' },
        { type: 'tool_use', id: 'toolu_add', name: 'fixture__add', input: { a: 2, b: 3 } },
      ],
    });
    expect(toolResults(1)).toEqual([
      { type: 'tool_result', tool_use_id: 'toolu_add', content: '5' },
    ]);

    expect(reply.text).toBe('Let me add that.\n\n2 + 3 = 5.');
    expect(reply.toolEvents.map((e) => e.status)).toEqual(['RUNNING', 'DONE']);
    const stored = {
      serverName: 'fixture',
      toolName: 'add',
      status: 'DONE',
      input: { a: 2, b: 3 },
      output: '5',
      isError: false,
      textOffset: 'Let me add that.'.length,
    };
    expect(reply.completed).toMatchObject({
      status: 'COMPLETE',
      stopReason: 'end_turn',
      content: 'Let me add that.\n\n2 + 3 = 5.',
      inputTokens: 2100,
      outputTokens: 50,
      toolCalls: [stored],
    });
    expect(reply.completed.toolCalls[0].durationMs).toBeGreaterThanOrEqual(0);

    const models = await gql(
      world.server.url,
      '{ models { id inputPrice outputPrice } }',
      {},
      {
        token: world.admin.token,
      },
    );
    const price = models.data!.models.find((m: any) => m.id === 'claude-sonnet-5-5');
    const bothRounds = (2100 * price.inputPrice + 50 * price.outputPrice) / 1_000_000;
    expect(reply.completed.cost).toBeCloseTo(bothRounds, 10);
    // Each round is its own upstream call in the ledger, to the token.
    const ledger = (await ledgerToday(world.server.url, world.admin.token)).totals;
    expect({
      inputTokens: ledger.inputTokens - ledgerBefore.totals.inputTokens,
      outputTokens: ledger.outputTokens - ledgerBefore.totals.outputTokens,
      calls: ledger.calls - ledgerBefore.totals.calls,
    }).toEqual({ inputTokens: 2100, outputTokens: 50, calls: 2 });
    expect(ledger.cost - ledgerBefore.totals.cost).toBeCloseTo(bothRounds, 10);

    const conversation = await gql(
      world.server.url,
      `query { conversations(first: 1) { edges { node { messages { role toolCalls { ${TOOL_CALL_FIELDS} } } } } } }`,
      {},
      { token: world.admin.token },
    );
    const messages = conversation.data!.conversations.edges[0].node.messages;
    expect(messages.map((m: any) => m.toolCalls.length)).toEqual([0, 1]);
    expect(messages[1].toolCalls[0]).toMatchObject(stored);
  });

  it('runs several calls of one round in parallel and answers them in order', async () => {
    world.fake.script(
      {
        toolUses: [
          { name: 'fixture__slow', input: { ms: 300 }, id: 'toolu_slow' },
          { name: 'fixture__get_env', input: { name: 'API_KEY' }, id: 'toolu_env' },
          { name: 'fixture__weather_today', input: {}, id: 'toolu_weather' },
        ],
      },
      { text: 'Done.' },
    );
    const reply = await ask(world);
    // The first call, the slow one, finished last: the others did not wait for it.
    const finished = reply.toolEvents.filter((e) => e.status === 'DONE').map((e) => e.toolName);
    expect(finished).toHaveLength(3);
    expect(finished.at(-1)).toBe('slow');
    expect(toolResults(1)).toEqual([
      { type: 'tool_result', tool_use_id: 'toolu_slow', content: 'waited 300 ms' },
      { type: 'tool_result', tool_use_id: 'toolu_env', content: SECRET },
      { type: 'tool_result', tool_use_id: 'toolu_weather', content: 'sunny' },
    ]);
    expect(reply.completed.toolCalls.map((c: any) => c.toolName)).toEqual([
      'slow',
      'get_env',
      'weather.today',
    ]);
  });

  it('gives Claude an error result for a failing tool or an unknown one, and the reply ends', async () => {
    world.fake.script(
      {
        toolUses: [
          { name: 'fixture__fail', input: { message: 'disk full' }, id: 'toolu_fail' },
          { name: 'nobody__nothing', input: {}, id: 'toolu_nobody' },
        ],
      },
      { text: 'That did not work.' },
    );
    const reply = await ask(world);
    expect(toolResults(1)).toEqual([
      { type: 'tool_result', tool_use_id: 'toolu_fail', content: 'disk full', is_error: true },
      {
        type: 'tool_result',
        tool_use_id: 'toolu_nobody',
        content: 'No tool is named nobody__nothing.',
        is_error: true,
      },
    ]);
    expect(reply.completed).toMatchObject({ status: 'COMPLETE', content: 'That did not work.' });
    expect(reply.completed.toolCalls.map((c: any) => [c.status, c.isError])).toEqual([
      ['ERROR', true],
      ['ERROR', true],
    ]);
  });

  it('survives a server that dies during the call, which then comes back', async () => {
    world.fake.script(
      { toolUses: [{ name: 'fragile__crash', input: {}, id: 'toolu_crash' }] },
      { text: 'The server crashed.' },
    );
    const reply = await ask(world);
    expect(toolResults(1)).toEqual([
      {
        type: 'tool_result',
        tool_use_id: 'toolu_crash',
        content: 'The fragile server stopped while running this tool.',
        is_error: true,
      },
    ]);
    expect(reply.completed.status).toBe('COMPLETE');
    await waitForServer(world.server.url, world.admin.token, 'fragile', connected);
  });

  it('offers no tools of a server switched off in the conversation', async () => {
    const { url } = world.server;
    const conversation = await createConversation(url, world.admin.token);
    const updated = await mutate(
      'mutation($id: ID!, $input: UpdateConversationInput!) { updateConversation(id: $id, input: $input) { disabledMcpServers } }',
      { id: conversation.id, input: { disabledMcpServers: ['asking', 'fragile'] } },
    );
    expect(updated.data!.updateConversation.disabledMcpServers).toEqual(['asking', 'fragile']);
    world.fake.script({ text: 'Fine.' });
    await ask(world, undefined, { conversationId: conversation.id });
    const names = (world.fake.requests[0]!.body!.tools as any[]).map((t) => t.name);
    expect(names.length).toBe(8);
    expect(names.every((name) => name.startsWith('fixture__'))).toBe(true);
  });
});

describe('approval', () => {
  const APPROVE = `mutation($id: ID!) { approveToolCall(id: $id) { ${TOOL_CALL_FIELDS} } }`;
  const DENY = `mutation($id: ID!) { denyToolCall(id: $id) { ${TOOL_CALL_FIELDS} } }`;

  it('waits for the user, then runs the call once approved', async () => {
    world.fake.script(
      { toolUses: [{ name: 'asking__echo', input: { text: 'hi' }, id: 'toolu_echo' }] },
      { text: 'Echoed.' },
    );
    let approved: any;
    const reply = await ask(world, (call) => {
      if (call.status !== 'AWAITING_APPROVAL') return;
      void mutate(APPROVE, { id: call.id }).then((result) => (approved = result));
    });
    expect(reply.toolEvents.map((e) => e.status)).toEqual(['AWAITING_APPROVAL', 'RUNNING', 'DONE']);
    expect(approved.data.approveToolCall).toMatchObject({ status: 'RUNNING', toolName: 'echo' });
    expect(toolResults(1)).toEqual([
      { type: 'tool_result', tool_use_id: 'toolu_echo', content: 'hi' },
    ]);
    const id = reply.toolEvents[0]!.id;
    expect(errorCode(await mutate(APPROVE, { id }))).toBe('CONFLICT');
  });

  it('sends a denial to Claude as an error result', async () => {
    world.fake.script(
      { toolUses: [{ name: 'asking__echo', input: { text: 'no' }, id: 'toolu_no' }] },
      { text: 'Understood.' },
    );
    const member = await createMember(world.server.url, world.admin.token, `m${Date.now()}`);
    let strangers: string | undefined;
    const reply = await ask(world, (call) => {
      if (call.status !== 'AWAITING_APPROVAL') return;
      void (async () => {
        // Someone else's call is answered like a missing one.
        strangers = errorCode(await mutate(DENY, { id: call.id }, member.token));
        await mutate(DENY, { id: call.id });
      })();
    });
    expect(strangers).toBe('NOT_FOUND');
    expect(reply.toolEvents.map((e) => e.status)).toEqual(['AWAITING_APPROVAL', 'DENIED']);
    expect(toolResults(1)).toEqual([
      {
        type: 'tool_result',
        tool_use_id: 'toolu_no',
        content: 'The user denied this tool call.',
        is_error: true,
      },
    ]);
    expect(reply.completed.toolCalls[0]).toMatchObject({
      status: 'DENIED',
      isError: true,
      durationMs: null,
    });
  });
});

describe('stop', () => {
  it('stops a reply while a tool runs: the call is cancelled and nothing more is asked', async () => {
    world.fake.script(
      { text: 'Working on it.', toolUses: [{ name: 'fixture__slow', input: { ms: 60_000 } }] },
      { text: 'never sent' },
    );
    const reply = await ask(world, (call, messageId) => {
      if (call.status === 'RUNNING') {
        void mutate('mutation($id: ID!) { stopGeneration(messageId: $id) { id } }', {
          id: messageId,
        });
      }
    });
    expect(reply.completed).toMatchObject({
      status: 'STOPPED',
      stopReason: 'user',
      content: 'Working on it.',
    });
    expect(reply.completed.toolCalls[0]).toMatchObject({
      status: 'ERROR',
      output: 'The reply was stopped while this tool was running.',
    });
    expect(world.fake.requests).toHaveLength(1);
    expect(reply.completed.cost).toBeGreaterThan(0);
  });

  it('stops a reply waiting for approval: the call counts as denied', async () => {
    world.fake.script({ toolUses: [{ name: 'asking__echo', input: { text: 'x' } }] });
    const reply = await ask(world, (call, messageId) => {
      if (call.status === 'AWAITING_APPROVAL') {
        void mutate('mutation($id: ID!) { stopGeneration(messageId: $id) { id } }', {
          id: messageId,
        });
      }
    });
    expect(reply.completed.status).toBe('STOPPED');
    expect(reply.completed.toolCalls[0]).toMatchObject({
      status: 'DENIED',
      output: 'The reply was stopped before this tool call ran.',
    });
    expect(world.fake.requests).toHaveLength(1);
  });
});

describe('limits', () => {
  let tight: ChatWorld;
  beforeAll(async () => {
    tight = await startChatWorld({
      MCP_TOOL_TIMEOUT_SECONDS: '0.5',
      MCP_TOOL_OUTPUT_CHARS: '1000',
      MCP_MAX_TOOL_ROUNDS: '1',
      MCP_APPROVAL_TIMEOUT_SECONDS: '0.3',
    });
    await addFixtureServers(tight, { fixture: 'AUTO', asking: 'ASK' });
  });
  afterAll(() => tight?.stop());
  beforeEach(() => tight.fake.reset());

  const lastResults = () =>
    (tight.fake.requests.at(-1)!.body!.messages!.at(-1)!.content as any[]).filter(
      (b) => b.type === 'tool_result',
    );

  it('times out a slow tool, caps a long output, and denies an unanswered approval', async () => {
    tight.fake.script(
      {
        toolUses: [
          { name: 'fixture__slow', input: { ms: 30_000 }, id: 'toolu_slow' },
          { name: 'fixture__big', input: { chars: 5000 }, id: 'toolu_big' },
          { name: 'asking__echo', input: { text: 'x' }, id: 'toolu_ask' },
        ],
      },
      { text: 'Some of that worked.' },
    );
    const reply = await ask(tight);
    const [slow, big, asked] = lastResults();
    expect(slow).toEqual({
      type: 'tool_result',
      tool_use_id: 'toolu_slow',
      content: 'The tool did not answer within 0.5 seconds.',
      is_error: true,
    });
    expect(big.content).toBe(
      `${'x'.repeat(1000)}\n\n[Output truncated: the tool returned 5000 characters; only the first 1000 are shown.]`,
    );
    expect(big.is_error).toBeUndefined();
    expect(asked).toEqual({
      type: 'tool_result',
      tool_use_id: 'toolu_ask',
      content: 'Nobody approved this tool call within 0.3 seconds, so it was not run.',
      is_error: true,
    });
    expect(reply.completed.status).toBe('COMPLETE');
    expect(reply.completed.toolCalls.map((c: any) => c.status)).toEqual([
      'ERROR',
      'DONE',
      'DENIED',
    ]);
  });

  it('stops offering tools after the last round', async () => {
    tight.fake.script(
      {
        toolUses: [{ name: 'fixture__add', input: { a: 1, b: 1 } }],
        usage: { input: 10, output: 5 },
      },
      {
        toolUses: [{ name: 'fixture__add', input: { a: 2, b: 2 } }],
        usage: { input: 20, output: 5 },
      },
    );
    const reply = await ask(tight);
    expect(tight.fake.requests).toHaveLength(2);
    expect(tight.fake.requests[0]!.body!.tool_choice).toBeUndefined();
    expect(tight.fake.requests[1]!.body!.tool_choice).toEqual({ type: 'none' });
    expect(reply.completed).toMatchObject({
      status: 'COMPLETE',
      stopReason: 'max_tool_rounds',
      inputTokens: 30,
    });
    expect(reply.completed.toolCalls).toHaveLength(1);
  });
});

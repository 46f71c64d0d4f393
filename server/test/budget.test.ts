import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createConversation,
  sendMessage,
  startChatWorld,
  wsClient,
  type ChatWorld,
} from './helpers/chat.ts';
import { createMember, errorCode, gql } from './helpers/graphql.ts';
import { BUDGET_FIELDS, ledgerToday, reply, setLimits } from './helpers/budget.ts';

// Prices are Sonnet 5.5's list prices in dollars per million tokens; COST_USD_RATE=1 makes the
// configured currency equal to dollars, so expected amounts read directly.
const INPUT = 2 / 1e6;
const OUTPUT = 10 / 1e6;
const CACHE_WRITE = 2.5 / 1e6;
const CACHE_READ = 0.1 / 1e6;

let world: ChatWorld;
let webhook: Server;
const posted: { title: string; body: string }[] = [];
let failNextPost = true;

beforeAll(async () => {
  webhook = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (failNextPost) {
        failNextPost = false;
        res.writeHead(503).end();
        return;
      }
      posted.push({ title: String(req.headers.title), body });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => webhook.listen(0, '127.0.0.1', resolve));
  world = await startChatWorld({
    COST_USD_RATE: '1',
    BUDGET_TIMEZONE: 'UTC',
    ALERT_WEBHOOK_URL: `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/alerts`,
  });
});
afterAll(async () => {
  await world.stop();
  await new Promise((resolve) => webhook.close(resolve));
});
beforeEach(() => world.fake.reset());

let members = 0;
const newMember = () => createMember(world.server.url, world.admin.token, `member${++members}`);

describe('the ledger', () => {
  it('equals what the upstream reported, to the token, stopped replies included', async () => {
    const { url } = world.server;
    const member = await newMember();
    world.fake.script({
      text: 'A short answer.',
      usage: { input: 1_200, output: 300, cacheWrite: 100, cacheRead: 5_000 },
    });
    const complete = await reply(url, member.token);
    expect(complete.message.status).toBe('COMPLETE');
    expect(complete.message.cost).toBeCloseTo(
      1_200 * INPUT + 300 * OUTPUT + 100 * CACHE_WRITE + 5_000 * CACHE_READ,
      12,
    );

    world.fake.script({
      text: 'x'.repeat(3_000),
      chunkSize: 10,
      deltaDelayMs: 20,
      usage: { input: 800 },
    });
    const conversation = await createConversation(url, member.token);
    const sent = await sendMessage(url, member.token, {
      conversationId: conversation.id,
      content: 'go',
    });
    const messageId = sent.data!.sendMessage.assistantMessage.id;
    await new Promise((r) => setTimeout(r, 300));
    const stopped = await gql(
      url,
      'mutation($id: ID!) { stopGeneration(messageId: $id) { status outputTokens inputTokens cost } }',
      { id: messageId },
      { token: member.token },
    );
    expect(stopped.data!.stopGeneration).toMatchObject({ status: 'STOPPED', inputTokens: 800 });
    const stoppedOutput = stopped.data!.stopGeneration.outputTokens as number;
    expect(stoppedOutput).toBeGreaterThan(0);

    const ledger = await ledgerToday(url, member.token);
    expect(ledger.totals).toEqual({
      inputTokens: 1_200 + 800,
      outputTokens: 300 + stoppedOutput,
      cacheWriteTokens: 100,
      cacheReadTokens: 5_000,
      calls: 2,
      cost: expect.closeTo(complete.message.cost + stopped.data!.stopGeneration.cost, 12),
    });
    expect(ledger.byModel).toEqual([
      { model: 'claude-sonnet-5-5', calls: 2, cost: expect.closeTo(ledger.totals.cost, 12) },
    ]);
  });

  it('bills a reply broken off by an upstream error for what it had written', async () => {
    const member = await newMember();
    world.fake.script({
      text: 'y'.repeat(300),
      chunkSize: 30,
      usage: { input: 500 },
      streamError: { afterDeltas: 4, type: 'overloaded_error', message: 'Overloaded' },
    });
    const failed = await reply(world.server.url, member.token);
    expect(failed.message).toMatchObject({ status: 'FAILED', inputTokens: 500 });
    expect(failed.message.content).toBe('y'.repeat(120));
    // No final usage came: the 120 characters written are counted at 3 a token.
    expect(failed.message.outputTokens).toBe(40);
    const ledger = await ledgerToday(world.server.url, member.token);
    expect(ledger.totals).toMatchObject({ inputTokens: 500, outputTokens: 40, calls: 1 });
    expect(ledger.totals.cost).toBeCloseTo(500 * INPUT + 40 * OUTPUT, 12);
  });

  it('keeps what a deleted user’s reply cost in the instance’s spending', async () => {
    const { url } = world.server;
    const member = await newMember();
    const before = await ledgerToday(url, world.admin.token, ', allUsers: true');
    world.fake.script({
      text: 'z'.repeat(300),
      chunkSize: 30,
      usage: { input: 700 },
      hangAfterDeltas: 3,
    });
    const conversation = await createConversation(url, member.token);
    await sendMessage(url, member.token, { conversationId: conversation.id, content: 'go' });
    await expect.poll(() => world.fake.requests.length).toBe(1);
    await new Promise((r) => setTimeout(r, 200));
    const deleted = await gql(
      url,
      'mutation($id: ID!) { deleteUser(id: $id) }',
      { id: member.id },
      { token: world.admin.token },
    );
    expect(deleted.errors).toBeUndefined();
    expect(world.fake.requests[0]!.disconnected).toBe(true);
    const after = await ledgerToday(url, world.admin.token, ', allUsers: true');
    expect(after.totals.calls - before.totals.calls).toBe(1);
    expect(after.totals.inputTokens - before.totals.inputTokens).toBe(700);
    expect(after.totals.outputTokens - before.totals.outputTokens).toBe(30); // 90 characters
  });

  it('bills nothing for a call the upstream refused before it started', async () => {
    const member = await newMember();
    world.fake.script({ httpError: { status: 529 }, times: Infinity });
    const failed = await reply(world.server.url, member.token);
    expect(failed.message.status).toBe('FAILED');
    expect((await ledgerToday(world.server.url, member.token)).totals.calls).toBe(0);
  });
});

describe('the kill switch', () => {
  it('refuses a message at the limit with BUDGET_EXCEEDED and never calls the upstream', async () => {
    const { url } = world.server;
    const member = await newMember();
    expect(
      (await setLimits(url, world.admin.token, { userId: member.id, dailyLimit: 0 })).errors,
    ).toBeUndefined();
    const conversation = await createConversation(url, member.token);
    const refused = await sendMessage(url, member.token, {
      conversationId: conversation.id,
      content: 'hi',
    });
    expect(errorCode(refused)).toBe('BUDGET_EXCEEDED');
    expect(refused.errors![0]!.extensions).toMatchObject({ scope: 'USER', period: 'DAILY' });
    expect(world.fake.requests).toHaveLength(0);
    const stored = await gql(
      url,
      'query($id: ID!) { conversation(id: $id) { messages { id } } budget { blocked blockedBy { scope period } } }',
      { id: conversation.id },
      { token: member.token },
    );
    expect(stored.data).toEqual({
      conversation: { messages: [] },
      budget: { blocked: true, blockedBy: { scope: 'USER', period: 'DAILY' } },
    });
  });

  it('stops a reply mid-stream when its running cost crosses the limit, and sends the 100% alert', async () => {
    const { url } = world.server;
    const member = await newMember();
    await setLimits(url, world.admin.token, { userId: member.id, dailyLimit: 0.002 });
    world.fake.script({ text: 'word '.repeat(2_000), chunkSize: 20, deltaDelayMs: 2 });
    const stopped = await reply(url, member.token);
    expect(stopped.message).toMatchObject({ status: 'STOPPED', stopReason: 'budget' });
    expect(stopped.message.content.length).toBeGreaterThan(0);
    expect(world.fake.requests[0]!.disconnected).toBe(true);
    const ledger = await ledgerToday(url, member.token);
    expect(ledger.totals.cost).toBeLessThanOrEqual(0.002);
    const alerts = await gql(
      url,
      '{ budgetAlertHistory(first: 10) { edges { node { scope period threshold limit } } } }',
      {},
      { token: member.token },
    );
    expect(alerts.data!.budgetAlertHistory.edges.map((e: any) => e.node)).toContainEqual({
      scope: 'USER',
      period: 'DAILY',
      threshold: 100,
      limit: 0.002,
    });
  });

  it('lets 20 parallel requests spend no more than a limit that allows 3', async () => {
    const { url } = world.server;
    const member = await newMember();
    // The fake counts 4 characters a token, as real text has. Each reply: a 400-character
    // prompt (100 input tokens) and 4,000 characters (1,000 output tokens): $0.0102.
    await setLimits(url, world.admin.token, { userId: member.id, dailyLimit: 0.031 });
    world.fake.setDefault({ text: 'a'.repeat(4_000), chunkSize: 100, deltaDelayMs: 5 });
    try {
      const results = await Promise.all(
        Array.from({ length: 20 }, () => reply(url, member.token, 'q'.repeat(400))),
      );
      const admitted = results.filter((r) => r.message);
      const refused = results.filter((r) => r.errors);
      expect(admitted.length).toBeGreaterThanOrEqual(3);
      expect(refused.every((r) => r.errors![0]!.extensions?.code === 'BUDGET_EXCEEDED')).toBe(true);
      expect(world.fake.requests).toHaveLength(admitted.length);
      const ledger = await ledgerToday(url, member.token);
      expect(ledger.totals.cost).toBeLessThanOrEqual(0.031);
      expect(ledger.totals.cost).toBeGreaterThan(0.025);
      const budget = await gql(url, `{ budget { ${BUDGET_FIELDS} } }`, {}, { token: member.token });
      expect(budget.data!.budget.daily.reserved).toBe(0);
    } finally {
      world.fake.setDefault({ text: 'A short answer.', usage: { input: 100 } });
    }
  });

  it('enforces the global limit for everyone, and only alerts once it is switched off', async () => {
    const { url } = world.server;
    const spender = await newMember();
    const other = await newMember();
    world.fake.script({ text: 'b'.repeat(400), usage: { input: 100 } }); // $0.0012
    expect((await reply(url, spender.token)).message.status).toBe('COMPLETE');
    const set = await gql(
      url,
      'mutation { setGlobalLimits(input: { dailyLimit: 0.001 }) { dailyLimit killSwitchEnabled } }',
      {},
      { token: world.admin.token },
    );
    expect(set.data!.setGlobalLimits).toEqual({ dailyLimit: 0.001, killSwitchEnabled: true });
    try {
      const refused = await reply(url, other.token);
      expect(refused.errors![0]!.extensions).toMatchObject({
        code: 'BUDGET_EXCEEDED',
        scope: 'GLOBAL',
      });
      const blocked = await gql(
        url,
        '{ budget { blocked blockedBy { scope period } } }',
        {},
        {
          token: other.token,
        },
      );
      expect(blocked.data!.budget).toEqual({
        blocked: true,
        blockedBy: { scope: 'GLOBAL', period: 'DAILY' },
      });
      const global = await gql(
        url,
        `{ globalBudget { ${BUDGET_FIELDS} } }`,
        {},
        { token: world.admin.token },
      );
      expect(global.data!.globalBudget).toMatchObject({ blocked: true, daily: { limit: 0.001 } });
      expect(global.data!.globalBudget.daily.spent).toBeGreaterThanOrEqual(0.0012);
      expect(
        errorCode(await gql(url, '{ globalBudget { blocked } }', {}, { token: other.token })),
      ).toBe('FORBIDDEN');

      await gql(
        url,
        'mutation { setGlobalLimits(input: { killSwitchEnabled: false }) { dailyLimit } }',
        {},
        {
          token: world.admin.token,
        },
      );
      // Administrators hear the instance's alerts live; members do not.
      const heard = { admin: [] as any[], other: [] as any[] };
      const clients = {
        admin: wsClient(url, world.admin.token),
        other: wsClient(url, other.token),
      };
      for (const who of ['admin', 'other'] as const) {
        clients[who].subscribe(
          { query: 'subscription { budgetAlerts { scope period threshold } }' },
          {
            next: (v) => heard[who].push(v.data!.budgetAlerts),
            error: () => {},
            complete: () => {},
          },
        );
      }
      try {
        await new Promise((r) => setTimeout(r, 200));
        expect((await reply(url, other.token)).message.status).toBe('COMPLETE');
        await expect
          .poll(() => heard.admin)
          .toContainEqual({ scope: 'GLOBAL', period: 'DAILY', threshold: 100 });
        expect(heard.other.filter((a) => a.scope === 'GLOBAL')).toEqual([]);
      } finally {
        await Promise.all([clients.admin.dispose(), clients.other.dispose()]);
      }
      const history = await gql(
        url,
        '{ budgetAlertHistory(first: 20) { edges { node { scope period threshold } } } }',
        {},
        { token: world.admin.token },
      );
      const globalAlerts = history
        .data!.budgetAlertHistory.edges.map((e: any) => e.node)
        .filter((a: any) => a.scope === 'GLOBAL');
      // Stored once each, however many charges crossed them.
      expect(globalAlerts.map((a: any) => a.threshold)).toEqual([100, 90, 70]);
    } finally {
      await gql(
        url,
        'mutation { setGlobalLimits(input: { dailyLimit: null, killSwitchEnabled: true }) { dailyLimit } }',
        {},
        { token: world.admin.token },
      );
    }
  });
});

describe('alerts', () => {
  it('are sent once per threshold crossing, pushed live and posted to the webhook, with the kill switch off', async () => {
    const { url } = world.server;
    const member = await newMember();
    const limits = await setLimits(url, world.admin.token, {
      userId: member.id,
      dailyLimit: 0.003,
      alertThresholds: [80, 50],
      killSwitchEnabled: false,
    });
    expect(limits.data!.setLimits).toEqual({
      dailyLimit: 0.003,
      monthlyLimit: null,
      alertThresholds: [50, 80],
      killSwitchEnabled: false,
    });
    const received: any[] = [];
    const client = wsClient(url, member.token);
    const unsubscribe = client.subscribe(
      { query: 'subscription { budgetAlerts { scope period threshold spent limit currency at } }' },
      {
        next: (value) => received.push(value.data!.budgetAlerts),
        error: () => {},
        complete: () => {},
      },
    );
    try {
      await new Promise((r) => setTimeout(r, 200)); // subscribed before the first charge
      // Each reply costs $0.0012: 40%, 80%, 120%, 160% of the limit.
      world.fake.script({ text: 'c'.repeat(400), usage: { input: 100 }, times: 4 });
      for (let i = 0; i < 4; i++)
        expect((await reply(url, member.token)).message.status).toBe('COMPLETE');
      await expect.poll(() => received.length).toBe(3);
      await new Promise((r) => setTimeout(r, 200));
      expect(received.map((a) => [a.scope, a.period, a.threshold])).toEqual([
        ['USER', 'DAILY', 50],
        ['USER', 'DAILY', 80],
        ['USER', 'DAILY', 100],
      ]);
      expect(received[2]).toMatchObject({ limit: 0.003, currency: 'EUR' });
      expect(received[2].spent).toBeCloseTo(0.0036, 10);
      const history = await gql(
        url,
        '{ budgetAlertHistory(first: 10) { edges { node { threshold at } } } }',
        {},
        { token: member.token },
      );
      const stored = history.data!.budgetAlertHistory.edges.map((e: any) => e.node);
      expect(Math.abs(Date.parse(stored[0].at) - Date.now())).toBeLessThan(60_000);
      expect(history.data!.budgetAlertHistory.edges.map((e: any) => e.node.threshold)).toEqual([
        100, 80, 50,
      ]);
      // The webhook failed the first post; the retry delivered it.
      const mine = () => posted.filter((p) => p.body.startsWith(`member${members} `));
      await expect.poll(() => mine().length, { timeout: 5_000 }).toBe(3);
      expect(failNextPost).toBe(false);
      expect(mine().map((p) => p.title)).toContain('claude-rasp: 100% of a daily budget');
    } finally {
      unsubscribe();
      await client.dispose();
    }
  });
});

describe('limits', () => {
  it('a member may tighten their own limits but not loosen them or touch anyone else’s', async () => {
    const { url } = world.server;
    const member = await newMember();
    const other = await newMember();
    await setLimits(url, world.admin.token, { userId: member.id, dailyLimit: 5, monthlyLimit: 50 });
    expect((await setLimits(url, member.token, { dailyLimit: 2 })).data!.setLimits.dailyLimit).toBe(
      2,
    );
    expect(errorCode(await setLimits(url, member.token, { dailyLimit: 3 }))).toBe('FORBIDDEN');
    expect(errorCode(await setLimits(url, member.token, { monthlyLimit: null }))).toBe('FORBIDDEN');
    expect(errorCode(await setLimits(url, member.token, { killSwitchEnabled: false }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await setLimits(url, member.token, { userId: other.id, dailyLimit: 1 }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await setLimits(url, member.token, { dailyLimit: -1 }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(errorCode(await setLimits(url, member.token, { alertThresholds: [120] }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await setLimits(url, world.admin.token, { userId: member.id, dailyLimit: 10 })).data!
        .setLimits,
    ).toEqual({
      dailyLimit: 10,
      monthlyLimit: 50,
      alertThresholds: [70, 90],
      killSwitchEnabled: true,
    });
    const budget = await gql(url, `{ budget { ${BUDGET_FIELDS} } }`, {}, { token: member.token });
    expect(budget.data!.budget).toMatchObject({
      currency: 'EUR',
      blocked: false,
      daily: { spent: 0, reserved: 0, limit: 10, percent: 0 },
      monthly: { limit: 50 },
    });
    expect(Date.parse(budget.data!.budget.daily.resetsAt)).toBe(
      Date.parse(`${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}T00:00:00Z`),
    );
  });

  it('gives new users the configured default limits', async () => {
    const configured = await startChatWorld({ DEFAULT_DAILY_LIMIT: '1.5', ALERT_THRESHOLDS: '60' });
    try {
      const member = await createMember(configured.server.url, configured.admin.token);
      const budget = await gql(
        configured.server.url,
        '{ budget { limits { dailyLimit monthlyLimit alertThresholds } } }',
        {},
        {
          token: member.token,
        },
      );
      expect(budget.data!.budget.limits).toEqual({
        dailyLimit: 1.5,
        monthlyLimit: null,
        alertThresholds: [60],
      });
    } finally {
      await configured.stop();
    }
  });
});

describe('usage reports', () => {
  it('show a member their own spending, and everybody’s only to administrators', async () => {
    const { url } = world.server;
    const member = await newMember();
    world.fake.script({ text: 'd'.repeat(400), usage: { input: 100 } });
    await reply(url, member.token);
    const month = new Date().toISOString().slice(0, 7);
    const report = await gql(
      url,
      `query($from: Date!, $to: Date!) { usage(from: $from, to: $to, granularity: DAY) {
        currency totals { cost } series { date cost } byModel { model cost } } }`,
      { from: `${month}-01`, to: new Date().toISOString().slice(0, 10) },
      { token: member.token },
    );
    const usage = report.data!.usage;
    expect(usage.totals.cost).toBeCloseTo(0.0012, 10);
    expect(usage.series.at(-1)).toEqual({
      date: new Date().toISOString().slice(0, 10),
      cost: expect.closeTo(0.0012, 10),
    });
    expect(usage.series).toHaveLength(new Date().getUTCDate());
    const byMonth = await gql(
      url,
      `query($from: Date!, $to: Date!) { usage(from: $from, to: $to, granularity: MONTH) {
        series { date calls cost } } }`,
      { from: `${month}-01`, to: new Date().toISOString().slice(0, 10) },
      { token: member.token },
    );
    expect(byMonth.data!.usage.series).toEqual([
      { date: `${month}-01`, calls: 1, cost: expect.closeTo(0.0012, 10) },
    ]);
    expect(
      errorCode(
        await gql(
          url,
          `{ usage(from: "2026-01-01", to: "2026-01-02", granularity: DAY, allUsers: true) { currency } }`,
          {},
          { token: member.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      errorCode(
        await gql(
          url,
          `{ usage(from: "2026-02-01", to: "2026-01-02", granularity: DAY) { currency } }`,
          {},
          { token: member.token },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const everybody = await gql(
      url,
      'query($day: Date!) { usageByUser(from: $day, to: $day) { username cost } }',
      { day: new Date().toISOString().slice(0, 10) },
      { token: world.admin.token },
    );
    expect(everybody.data!.usageByUser).toContainEqual({
      username: `member${members}`,
      cost: expect.closeTo(0.0012, 10),
    });
    const all = await ledgerToday(url, world.admin.token, ', allUsers: true');
    const own = await ledgerToday(url, world.admin.token);
    expect(all.totals.cost).toBeGreaterThan(own.totals.cost);
  });
});

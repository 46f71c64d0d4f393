import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addServer,
  connected,
  listServers,
  testServer,
  waitForServer,
  type ServerView,
} from './fixtures/mcp/api.ts';
import {
  fixtureStdio,
  isAlive,
  recordedPids,
  startFixtureServer,
  type FixtureProcess,
} from './fixtures/mcp/fixture.ts';
import {
  createConversation,
  followStream,
  sendMessage,
  startChatWorld,
  wsClient,
  type ChatWorld,
} from './helpers/chat.ts';
import { gql } from './helpers/graphql.ts';

let dir: string;
let world: ChatWorld | undefined;
const fixtures: FixtureProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claude-rasp-mcp-'));
});
afterEach(async () => {
  await world?.stop();
  world = undefined;
  await Promise.all(fixtures.splice(0).map((f) => f.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<{ url: string; token: string }> {
  world = await startChatWorld();
  return { url: world.server.url, token: world.admin.token };
}

const pidFile = (name: string) => join(dir, `${name}.pids`);

function stdioServer(name: string, env: Record<string, string> = {}) {
  return {
    name,
    transport: 'STDIO',
    ...fixtureStdio(),
    env: Object.entries({ FIXTURE_PID_FILE: pidFile(name), ...env }).map(([n, value]) => ({
      name: n,
      value,
    })),
  };
}

async function fixture(mode: 'http' | 'sse', env: Record<string, string> = {}, port = 0) {
  const started = await startFixtureServer(mode, env, port);
  fixtures.push(started);
  return started;
}

async function waitUntil(condition: () => boolean | Promise<boolean>): Promise<void> {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('transports', () => {
  it('connects over stdio, lists the tools with full descriptions, follows list_changed', async () => {
    const { url, token } = await start();
    await addServer(url, token, stdioServer('local'));
    const local = await waitForServer(url, token, 'local', connected);
    expect(local.status).toMatchObject({ toolCount: 8, error: null });
    expect(local.status.lastCheckedAt).not.toBeNull();
    const echo = local.tools.find((t) => t.name === 'echo')!;
    expect(echo.description).toMatch(/^Returns the text .* show it in full\.$/);
    expect(echo.inputSchema).toMatchObject({
      type: 'object',
      properties: { text: { type: 'string', description: 'What to send back' } },
    });

    const offered = await gql(url, '{ mcpTools { name serverName qualifiedName } }', {}, { token });
    const names = offered.data!.mcpTools.map((t: any) => t.qualifiedName) as string[];
    expect(names).toContain('local__weather_today');
    expect(names.every((n) => /^[a-zA-Z0-9_-]{1,64}$/.test(n))).toBe(true);
    expect(new Set(names).size).toBe(names.length);

    // The server adds a tool and says so: the list follows without a reconnection.
    const [pid] = recordedPids(pidFile('local')).servers;
    process.kill(pid!, 'SIGUSR1');
    const grown = await waitForServer(url, token, 'local', (s) => s.status.toolCount === 9);
    expect(grown.tools.map((t) => t.name)).toContain('added_1');
    expect(recordedPids(pidFile('local')).servers).toEqual([pid]);
  });

  it.each([
    ['Streamable HTTP', 'http', 'HTTP'],
    ['SSE', 'sse', 'SSE'],
  ] as const)('connects over %s with the configured headers', async (_name, mode, transport) => {
    const remote = await fixture(mode, { FIXTURE_TOKEN: 'open-sesame' });
    const { url, token } = await start();
    await addServer(url, token, {
      name: 'remote',
      transport,
      url: remote.url,
      headers: [{ name: 'Authorization', value: 'Bearer open-sesame' }],
    });
    await addServer(url, token, { name: 'locked', transport, url: remote.url });
    const ok = await waitForServer(url, token, 'remote', connected);
    expect(ok.status.toolCount).toBe(8);
    const refused = await waitForServer(url, token, 'locked', (s) => s.status.state === 'ERROR');
    expect(refused.status.error).toMatch(/refused the connection/);
    expect(refused.status.retryAt).not.toBeNull();
  });

  it('shows a command that does not exist as ERROR with the reason, and chat still works', async () => {
    const { url, token } = await start();
    await addServer(url, token, {
      name: 'ghost',
      transport: 'STDIO',
      command: 'no-such-mcp-server',
    });
    await addServer(url, token, {
      name: 'dies',
      transport: 'STDIO',
      command: process.execPath,
      args: ['-e', 'console.error("missing API key"); process.exit(1)'],
    });
    const ghost = await waitForServer(url, token, 'ghost', (s) => s.status.state === 'ERROR');
    expect(ghost.status.error).toBe('Command not found: no-such-mcp-server');
    const dies = await waitForServer(url, token, 'dies', (s) => s.status.state === 'ERROR');
    expect(dies.status.error).toBe('The server process exited with code 1: missing API key');

    const conversation = await createConversation(url, token);
    world!.fake.script({ text: 'Still here.' });
    const sent = await sendMessage(url, token, { conversationId: conversation.id, content: 'Hi' });
    const client = wsClient(url, token);
    const { completed } = await followStream(client, sent.data!.sendMessage.assistantMessage.id);
    await client.dispose();
    expect(completed).toMatchObject({ status: 'COMPLETE', content: 'Still here.' });
  });
});

describe('reconnection', () => {
  it('restarts a stdio server whose process was killed', async () => {
    const { url, token } = await start();
    await addServer(url, token, stdioServer('local'));
    await waitForServer(url, token, 'local', connected);
    const [first] = recordedPids(pidFile('local')).servers;

    process.kill(first!, 'SIGKILL');
    const down = await waitForServer(url, token, 'local', (s) => s.status.state !== 'CONNECTED');
    expect(down.status.error ?? '').toMatch(/^(The server process was killed \(SIGKILL\)\.)?$/);
    await waitUntil(() => recordedPids(pidFile('local')).servers.length === 2);
    const back = await waitForServer(url, token, 'local', connected);
    expect(back.status).toMatchObject({ error: null, toolCount: 8, retryAt: null });
    expect(isAlive(first!)).toBe(false);
  });

  it('reconnects to an HTTP server that went away and came back', async () => {
    const remote = await fixture('http');
    const port = new URL(remote.url).port;
    const { url, token } = await start();
    const created = await addServer(url, token, {
      name: 'remote',
      transport: 'HTTP',
      url: remote.url,
    });
    await waitForServer(url, token, 'remote', connected);

    await remote.stop();
    // A dead HTTP server is noticed by the next ping; the admin's test pings at once.
    const tested = await testServer(url, token, created.id);
    const status = (tested.data!.testMcpServer as ServerView).status;
    expect(status.state).toBe('ERROR');
    expect(status.error).toMatch(/refused|answering/);

    await fixture('http', {}, Number(port));
    await waitForServer(url, token, 'remote', connected);
  });
});

describe('shutdown', () => {
  it('leaves no process behind, even a grandchild or one that ignores SIGTERM', async () => {
    const { url, token } = await start();
    await addServer(url, token, stdioServer('wrapper', { FIXTURE_GRANDCHILD: '1' }));
    await addServer(url, token, stdioServer('stubborn', { FIXTURE_STUBBORN: '1' }));
    await waitForServer(url, token, 'wrapper', connected);
    await waitForServer(url, token, 'stubborn', connected);
    const wrapper = recordedPids(pidFile('wrapper'));
    const stubborn = recordedPids(pidFile('stubborn'));
    const all = [...wrapper.servers, ...wrapper.children, ...stubborn.servers];
    expect(all).toHaveLength(3);
    expect(all.every(isAlive)).toBe(true);

    await world!.stop();
    world = undefined;
    expect(all.filter(isAlive)).toEqual([]);
  });
});

describe('live status', () => {
  it('pushes every status change to subscribers of mcpServers', async () => {
    const { url, token } = await start();
    const client = wsClient(url, token);
    const states: string[] = [];
    let emissions = 0;
    const done = new Promise<void>((resolve, reject) => {
      const unsubscribe = client.subscribe(
        { query: 'subscription { mcpServers { name status { state toolCount } } }' },
        {
          next: ({ data }) => {
            emissions += 1;
            const local = (data!.mcpServers as any[]).find((s) => s.name === 'local');
            if (local && states.at(-1) !== local.status.state) states.push(local.status.state);
            if (local?.status.state === 'CONNECTED') {
              unsubscribe();
              resolve();
            }
          },
          error: reject,
          complete: () => {},
        },
      );
    });
    await waitUntil(() => emissions > 0); // the list as it is now: subscribed
    await addServer(url, token, stdioServer('local'));
    await done;
    await client.dispose();
    expect(states.at(-1)).toBe('CONNECTED');
    expect(states).toContain('CONNECTING');
    expect((await listServers(url, token))[0]!.status.state).toBe('CONNECTED');
  });
});

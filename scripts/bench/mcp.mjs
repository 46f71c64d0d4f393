// MCP figures: the time the app adds around a tool call (the tool's own time excluded), and the
// server's memory with 5 stdio MCP servers connected. Run alone with `node scripts/bench/mcp.mjs`;
// `mcp(scratchDir)` returns the rows for scripts/bench.mjs. The measuring part runs under tsx,
// since it uses the TypeScript fake Anthropic upstream and the MCP fixture server.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rowsUnderTsx } from './under-tsx.mjs';

const self = fileURLToPath(import.meta.url);
const root = fileURLToPath(new URL('../..', import.meta.url));
const WARMUP = 3;
const CALLS = 40;
const SERVERS = 5;
const SETTLE_MS = 1_000;

/** Runs the measurement in a child process under tsx and returns its rows. */
export const mcp = (scratchDir) => rowsUnderTsx('MCP', self, ['--run', scratchDir], { cwd: root });

const rssOf = (pid) =>
  Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;

async function measure(scratchDir) {
  const { ServerResponse } = await import('node:http');
  const { startFakeAnthropic } = await import('../../server/test/fake-anthropic/server.ts');
  const { fixtureServerPath } = await import('../../server/test/fixtures/mcp/fixture.ts');
  const { ensureServerBuilt, startServer } = await import('./server-process.mjs');
  const { graphql } = await import('./graphql.mjs');
  const { megabytes, ms, percentile, progress } = await import('./report.mjs');

  // When the fake finished each response: its last byte, on this process's clock.
  const responseEnds = [];
  const end = ServerResponse.prototype.end;
  ServerResponse.prototype.end = function timedEnd(...args) {
    responseEnds.push(performance.now());
    return end.apply(this, args);
  };
  const fake = await startFakeAnthropic({ apiKey: 'bench' });
  ensureServerBuilt();
  const server = await startServer(scratchDir, {
    env: {
      ANTHROPIC_API_KEY: 'bench',
      ANTHROPIC_BASE_URL: fake.url,
      RATE_LIMIT_MESSAGES_PER_MINUTE: '0',
    },
  });
  try {
    const { url } = server;
    const setup = await graphql(
      url,
      'mutation($input: SetupAdminInput!) { setupAdmin(input: $input) { accessToken } }',
      { input: { username: 'bench', email: 'bench@example.com', password: 'bench password 1' } },
    );
    const token = setup.setupAdmin.accessToken;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const rssWithout = server.rssBytes();

    progress(`connecting ${SERVERS} stdio MCP servers`);
    const pidFile = join(scratchDir, 'mcp-pids');
    const tsx = pathToFileURL(createRequire(join(root, 'package.json')).resolve('tsx')).href;
    for (let i = 1; i <= SERVERS; i++) {
      await graphql(
        url,
        'mutation($input: CreateMcpServerInput!) { createMcpServer(input: $input) { id } }',
        {
          input: {
            name: `s${i}`,
            transport: 'STDIO',
            command: process.execPath,
            args: ['--import', tsx, fixtureServerPath, 'stdio'],
            env: [{ name: 'FIXTURE_PID_FILE', value: pidFile }],
            approvalMode: 'AUTO',
          },
        },
        token,
      );
    }
    for (;;) {
      const { mcpServers } = await graphql(url, '{ mcpServers { status { state } } }', {}, token);
      if (mcpServers.every((s) => s.status.state === 'CONNECTED')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const rssWith = server.rssBytes();
    const childPids = readFileSync(pidFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[1]);
    const childrenRss = childPids.reduce((sum, pid) => sum + rssOf(pid), 0);

    progress('timing tool calls');
    const added = [];
    for (let i = 0; i < WARMUP + CALLS; i++) {
      fake.reset();
      responseEnds.length = 0;
      fake.script(
        { toolUses: [{ name: 's1__echo', input: { text: `call ${i}` } }] },
        { text: 'ok' },
      );
      const { createConversation } = await graphql(
        url,
        'mutation { createConversation(input: {}) { id } }',
        {},
        token,
      );
      const sent = await graphql(
        url,
        'mutation($input: SendMessageInput!) { sendMessage(input: $input) { assistantMessage { id } } }',
        { input: { conversationId: createConversation.id, content: 'echo' } },
        token,
      );
      const messageId = sent.sendMessage.assistantMessage.id;
      // No queries while the tool round runs: they would compete for the one SQLite connection.
      while (responseEnds.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
      let message;
      for (;;) {
        const { conversation } = await graphql(
          url,
          'query($id: ID!) { conversation(id: $id) { messages { id status toolCalls { durationMs status } } } }',
          { id: createConversation.id },
          token,
        );
        message = conversation.messages.find((m) => m.id === messageId);
        if (message.status !== 'STREAMING') break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const [call] = message.toolCalls;
      if (message.status !== 'COMPLETE' || call?.status !== 'DONE') {
        throw new Error(`a benchmark reply ended ${message.status}, its tool call ${call?.status}`);
      }
      // From the end of the call that asked for the tool to the arrival of the call with its
      // result, less the MCP call itself (request, the tool, answer over stdio).
      const gap = fake.requests[1].receivedAt - responseEnds[0];
      if (i >= WARMUP) added.push(gap - call.durationMs);
    }
    return [
      {
        label: 'app time around a tool call, tool excluded (p50 / p95)',
        figures: `${ms(percentile(added, 50))} / ${ms(percentile(added, 95))}`,
      },
      {
        label: `server RSS, no MCP server → ${SERVERS} stdio servers connected`,
        figures: `${megabytes(rssWithout)} → ${megabytes(rssWith)}`,
      },
      {
        label: `the ${SERVERS} fixture server processes together (node + tsx each)`,
        figures: megabytes(childrenRss),
      },
    ];
  } finally {
    progress('');
    await server.stop(10_000).catch(() => server.kill());
    await fake.stop();
    ServerResponse.prototype.end = end;
  }
}

if (process.argv[2] === '--run') {
  const rows = await measure(process.argv[3]);
  if (process.send) process.send(rows);
  else console.log(rows);
} else if (process.argv[1] === self) {
  const scratchDir = mkdtempSync(join(tmpdir(), 'claude-rasp-bench-mcp-'));
  try {
    const { formatTable } = await import('./report.mjs');
    console.log(formatTable('claude-rasp MCP bench', await mcp(scratchDir)));
  } finally {
    rmSync(scratchDir, { recursive: true, force: true });
  }
}

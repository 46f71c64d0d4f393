import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from './fake-anthropic/server.ts';
import { createConversation, MESSAGE_FIELDS, sendMessage } from './helpers/chat.ts';
import { gql, setupAdmin } from './helpers/graphql.ts';

let fake: FakeAnthropic;
let storage: string;
beforeAll(async () => {
  fake = await startFakeAnthropic({ apiKey: 'k' });
  storage = mkdtempSync(join(tmpdir(), 'claude-rasp-crash-'));
});
afterAll(async () => {
  await fake.stop();
  rmSync(storage, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

/** The real server as its own process, so it can be killed like a power cut would. */
async function startProcess(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      STORAGE_DIR: storage,
      LOG_LEVEL: 'warn',
      ANTHROPIC_API_KEY: 'k',
      ANTHROPIC_BASE_URL: fake.url,
    },
    stdio: 'ignore',
  });
  await expect
    .poll(
      () =>
        fetch(`http://127.0.0.1:${port}/healthz`).then(
          (r) => r.status,
          () => 0,
        ),
      { timeout: 15_000, interval: 100 },
    )
    .toBe(200);
  return child;
}

it('a reply cut off by a killed process is FAILED after restart, with its checkpointed text', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child = await startProcess(port);
  const admin = await setupAdmin(url);
  fake.script({ text: 'y'.repeat(2000), chunkSize: 10, deltaDelayMs: 25, hangAfterDeltas: 150 });
  const conversation = await createConversation(url, admin.token);
  const sent = await sendMessage(url, admin.token, {
    conversationId: conversation.id,
    content: 'write a lot',
  });
  expect(sent.errors).toBeUndefined();
  await new Promise((r) => setTimeout(r, 3_000)); // past the first 2-second checkpoint
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));

  child = await startProcess(port);
  try {
    const signedIn = await gql(
      url,
      'mutation { login(input: {username: "admin", password: "admin password 1"}) { accessToken } }',
    );
    const token = signedIn.data!.login.accessToken;
    const stored = await gql(
      url,
      `query($id: ID!) { conversation(id: $id) { messages { ${MESSAGE_FIELDS} } } }`,
      { id: conversation.id },
      { token },
    );
    const reply = stored.data!.conversation.messages[1];
    expect(reply.status).toBe('FAILED');
    expect(reply.error).toMatch(/server stopped/);
    expect(reply.content).toMatch(/^y{100,}$/);
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
});

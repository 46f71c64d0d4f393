import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from './fake-anthropic/server.ts';
import { createConversation, MESSAGE_FIELDS, sendMessage } from './helpers/chat.ts';
import { gql, setupAdmin } from './helpers/graphql.ts';
import { freePort, startProcess as startServerProcess } from './helpers/process.ts';

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

const startProcess = (port: number) =>
  startServerProcess(port, {
    STORAGE_DIR: storage,
    ANTHROPIC_API_KEY: 'k',
    ANTHROPIC_BASE_URL: fake.url,
  });

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

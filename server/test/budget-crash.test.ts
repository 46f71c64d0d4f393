import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeAnthropic, type FakeAnthropic } from './fake-anthropic/server.ts';
import { BUDGET_FIELDS, setLimits } from './helpers/budget.ts';
import { createConversation, sendMessage } from './helpers/chat.ts';
import { errorCode, gql, login, setupAdmin } from './helpers/graphql.ts';
import { freePort, kill, startProcess } from './helpers/process.ts';

let fake: FakeAnthropic;
let storage: string;
beforeAll(async () => {
  fake = await startFakeAnthropic({ apiKey: 'k' });
  storage = mkdtempSync(join(tmpdir(), 'claude-rasp-budget-crash-'));
});
afterAll(async () => {
  await fake.stop();
  rmSync(storage, { recursive: true, force: true });
});

it('a crash with reservations in flight leaves nothing reserved after the restart', async () => {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const env = {
    STORAGE_DIR: storage,
    ANTHROPIC_API_KEY: 'k',
    ANTHROPIC_BASE_URL: fake.url,
    COST_USD_RATE: '1',
  };
  let child = await startProcess(port, env);
  try {
    const admin = await setupAdmin(url);
    // Room for one reply's hold (its prompt and 1,024 output tokens at $10 per million) and no more.
    await setLimits(url, admin.token, { dailyLimit: 0.0103 });
    fake.setDefault({ text: 'z'.repeat(400), hangAfterDeltas: 2 });
    const first = await createConversation(url, admin.token);
    expect(
      (await sendMessage(url, admin.token, { conversationId: first.id, content: 'hi' })).errors,
    ).toBeUndefined();
    const second = await createConversation(url, admin.token);
    const refused = await sendMessage(url, admin.token, {
      conversationId: second.id,
      content: 'hi',
    });
    expect(errorCode(refused)).toBe('BUDGET_EXCEEDED');
    const held = await gql(url, `{ budget { ${BUDGET_FIELDS} } }`, {}, { token: admin.token });
    expect(held.data!.budget.daily.reserved).toBeGreaterThan(0.01);

    await kill(child, 'SIGKILL');
    fake.setDefault({ text: 'after the restart' });
    child = await startProcess(port, env);
    const signedIn = await login(url, 'admin', 'admin password 1');
    const token = signedIn.data!.login.accessToken as string;
    const budget = await gql(url, `{ budget { ${BUDGET_FIELDS} } }`, {}, { token });
    expect(budget.data!.budget).toMatchObject({ blocked: false, daily: { reserved: 0 } });
    const again = await sendMessage(url, token, { conversationId: second.id, content: 'hi' });
    expect(again.errors).toBeUndefined();
  } finally {
    await kill(child, 'SIGTERM');
  }
});

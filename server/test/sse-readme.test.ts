import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../src/paths.ts';
import { createApiToken } from './helpers/api-tokens.ts';
import { startChatWorld, type ChatWorld } from './helpers/chat.ts';

const run = promisify(execFile);
const MARKER = '<!-- README example: run by server/test/sse-readme.test.ts -->';

/** The shell blocks of README.md that follow the marker, in order. */
function readmeExamples(): string[] {
  const readme = readFileSync(join(repositoryRoot, 'README.md'), 'utf8');
  return readme
    .split(MARKER)
    .slice(1)
    .map((part) => /^\s*```sh\n([\s\S]*?)\n```/.exec(part)?.[1] ?? '');
}

let world: ChatWorld;
let token: string;

beforeAll(async () => {
  world = await startChatWorld();
  token = (await createApiToken(world.server.url, world.admin.token, { scopes: ['CHAT'] })).token;
});
afterAll(() => world.stop());

/** Runs a README block with bash and real curl, as a reader would after setting the variables. */
function runExample(script: string) {
  return run('bash', ['-euo', 'pipefail', '-c', script], {
    env: { PATH: process.env.PATH, RASP_URL: world.server.url, RASP_TOKEN: token },
    timeout: 20_000,
  });
}

describe("the README's curl examples", () => {
  it('has the two examples this test runs', () => {
    const examples = readmeExamples();
    expect(examples).toHaveLength(2);
    expect(examples[1]).toContain("-H 'accept: text/event-stream'");
  });

  it('runs a query with an API token', async () => {
    const { stdout } = await runExample(readmeExamples()[0]!);
    expect(JSON.parse(stdout)).toMatchObject({ data: { viewer: { username: 'admin' } } });
  });

  it('sends a message and follows the reply over server-sent events', async () => {
    // Slow enough that curl, started after sendMessage returns, usually sees the text arrive.
    world.fake.script({ text: 'Hello from the README!', deltas: 6, deltaDelayMs: 200 });
    const { stdout } = await runExample(readmeExamples()[1]!);
    const events = stdout
      .split('\n\n')
      .filter((block) => block.startsWith('event:'))
      .map((block) => ({
        event: /^event: (.*)$/m.exec(block)![1],
        data: /^data: ?(.*)$/m.exec(block)?.[1] ?? '',
      }));
    const results = events.filter((e) => e.event === 'next').map((e) => JSON.parse(e.data));
    const text = results.map((r) => r.data.messageStream.text ?? '').join('');
    // A subscriber that arrives after the end gets only MessageCompleted; never part of the text.
    expect(['Hello from the README!', '']).toContain(text);
    expect(results.at(-1).data.messageStream.message).toMatchObject({ status: 'COMPLETE' });
    expect(events.at(-1)!.event).toBe('complete');
  });
});

import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../src/paths.ts';
import { echoLastUserMessage } from './fake-anthropic/scenarios.ts';
import { createApiToken } from './helpers/api-tokens.ts';
import { startChatWorld, type ChatWorld } from './helpers/chat.ts';
import { gql } from './helpers/graphql.ts';

const script = join(repositoryRoot, 'examples', 'stream-reply.mjs');
let world: ChatWorld;
let chatToken: string;
let readToken: string;

beforeAll(async () => {
  world = await startChatWorld();
  const url = world.server.url;
  chatToken = (await createApiToken(url, world.admin.token, { scopes: ['CHAT'] })).token;
  readToken = (await createApiToken(url, world.admin.token, { scopes: ['READ'] })).token;
});
afterAll(() => world.stop());
beforeEach(() => world.fake.reset());

const env = (token: string) => ({
  PATH: process.env.PATH,
  RASP_URL: world.server.url,
  RASP_TOKEN: token,
});

/** Runs the example as a person would; resolves with its output and exit code, even on failure. */
function runExample(token: string, args: string[], stdin?: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { env: env(token) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

describe('examples/stream-reply.mjs', () => {
  it('sends a message in a new conversation and prints the reply as it streams', async () => {
    world.fake.script({
      text: 'Lisbon is the capital of Portugal.',
      chunkSize: 6,
      deltaDelayMs: 20,
    });
    const result = await runExample(chatToken, ['What is the capital of Portugal?']);
    expect(result.stderr).toMatch(
      /^\[COMPLETE · \d+ in, \d+ out · \d+\.\d{4} EUR · conversation \S+\]\n$/,
    );
    expect(result.stdout).toBe('Lisbon is the capital of Portugal.\n');
    expect(result.code).toBe(0);
    const sent = world.fake.requests.at(-1)!.body!.messages!.at(-1)!;
    expect(sent.content).toEqual('What is the capital of Portugal?');
  });

  it('continues a conversation, reading the message from standard input', async () => {
    world.fake.script({ text: echoLastUserMessage }, { text: echoLastUserMessage });
    const first = await runExample(chatToken, ['First']);
    const conversation = /conversation (\S+)\]/.exec(first.stderr)![1]!;
    const second = await runExample(chatToken, ['--conversation', conversation], 'From stdin');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('From stdin');
    const stored = await gql(
      world.server.url,
      'query($id: ID!) { conversation(id: $id) { messages { role content } } }',
      { id: conversation },
      { token: world.admin.token },
    );
    expect(stored.data!.conversation.messages.map((m: any) => m.role)).toEqual([
      'USER',
      'ASSISTANT',
      'USER',
      'ASSISTANT',
    ]);
  });

  it('says why when the token may not chat, and exits with 1', async () => {
    const result = await runExample(readToken, ['Hello']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^FORBIDDEN: This API token lacks the CHAT scope/);
    expect(result.stdout).toBe('');
  });

  it('says how to start without a token', async () => {
    const { stderr } = await promisify(execFile)(process.execPath, [script, 'Hi'], {
      env: { PATH: process.env.PATH },
    }).catch((error: { stderr: string }) => error);
    expect(stderr).toContain('Set RASP_TOKEN');
  });
});

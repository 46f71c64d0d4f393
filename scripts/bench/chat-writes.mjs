// Database writes per assistant reply, short and long: storing a reply must cost the same
// whatever its length, apart from the periodic checkpoint of a long stream. The server runs in
// this process (from its build) so every statement its sqlite3 driver runs can be counted.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createConversation, openSocket, sendAndFollow, signInAsAdmin } from './chat-app.mjs';
import { API_KEY } from './chat-fake.mjs';
import { progress } from './report.mjs';

const built = new URL('../../server/dist/server/src/', import.meta.url);
const WRITE = /^\s*(insert\s+into|update|delete\s+from|replace\s+into)\s+[`"]?(\w+)/i;
/** A checkpoint of a streaming reply sets its content alone (knex inlines the values). */
const CHECKPOINT = /^update `messages` set `content` = '(?:[^']|'')*' where `id` = \d+$/;

// The fake counts a token per 4 characters. The long reply streams 200 deltas over ~3.6 s: past
// the app's 2 s checkpoint interval.
const SHORT = { tokens: 10, scenario: { text: 'x'.repeat(40), chunkSize: 8, deltaDelayMs: 5 } };
const LONG = {
  tokens: 2_000,
  scenario: { text: 'x'.repeat(8_000), chunkSize: 40, deltaDelayMs: 18 },
};

/**
 * Counts the SQL write statements the process runs while `recording`, by wrapping every entry
 * point of the sqlite3 driver (knex calls `run` and `all`; `exec` serves pragmas).
 */
function countWrites() {
  const { Database } = createRequire(import.meta.url)('sqlite3');
  const methods = ['run', 'all', 'get', 'each', 'prepare', 'exec'];
  const originals = methods.map((name) => Database.prototype[name]);
  const writes = [];
  let recording = false;
  methods.forEach((name, i) => {
    Database.prototype[name] = function counted(sql, ...rest) {
      if (recording && typeof sql === 'string') {
        const statements = name === 'exec' ? sql.split(';') : [sql];
        writes.push(...statements.filter((statement) => WRITE.test(statement)));
      }
      return originals[i].call(this, sql, ...rest);
    };
  });
  return {
    async during(work) {
      writes.length = 0;
      recording = true;
      try {
        await work();
      } finally {
        recording = false;
      }
      return [...writes];
    },
    restore: () => methods.forEach((name, i) => (Database.prototype[name] = originals[i])),
  };
}

/** "4 (insert messages, update conversations ×2, …)" */
function describe(writes) {
  const kinds = new Map();
  for (const statement of writes) {
    const [, verb, table] = WRITE.exec(statement);
    const kind = `${verb.split(/\s+/)[0].toLowerCase()} ${table}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  const parts = [...kinds].map(([kind, count]) => (count > 1 ? `${kind} ×${count}` : kind));
  return `${writes.length} (${parts.join(', ')})`;
}

/** How the long reply's writes compare with the short one's, checkpoints told apart. */
function compare(short, long) {
  const checkpoints = long.filter((statement) => CHECKPOINT.test(statement));
  const others = long.filter((statement) => !CHECKPOINT.test(statement));
  if (long.length === short.length) return `${long.length}, as for 10 tokens`;
  const extra = others.length - short.length;
  const parts = [`${long.length} = ${short.length} as for 10 tokens`];
  if (checkpoints.length) parts.push(`${checkpoints.length} checkpoint(s) (every 2 s)`);
  if (extra) parts.push(`${extra} other`);
  return parts.join(' + ');
}

/** Rows: write statements from sendMessage to MessageCompleted, for 10 and 2,000 tokens. */
export async function chatWrites(scratchDir, upstream) {
  const { buildApp } = await import(new URL('app.js', built).href);
  const { loadConfig } = await import(new URL('config.js', built).href);
  const server = buildApp(
    loadConfig({
      NODE_ENV: 'production',
      PORT: '0',
      HOST: '127.0.0.1',
      STORAGE_DIR: mkdtempSync(join(scratchDir, 'writes-')),
      LOG_LEVEL: 'warn',
      JWT_SECRET: randomBytes(30).toString('base64url'),
      ANTHROPIC_API_KEY: API_KEY,
      ANTHROPIC_BASE_URL: upstream.fake.url,
    }),
  );
  const counter = countWrites();
  try {
    const url = await server.start();
    const app = { url, token: await signInAsAdmin(url) };
    const socket = await openSocket(url, app.token);
    const counts = [];
    for (const reply of [SHORT, LONG]) {
      progress(`chat: database writes, ${reply.tokens} tokens`);
      upstream.fake.script(reply.scenario);
      const conversationId = await createConversation(url, app.token);
      let outputTokens;
      const writes = await counter.during(async () => {
        const { message } = await sendAndFollow(app, socket, conversationId, 'write it down');
        outputTokens = message.outputTokens;
      });
      if (outputTokens !== reply.tokens) {
        throw new Error(`a ${reply.tokens}-token reply was stored with ${outputTokens} tokens`);
      }
      counts.push(writes);
    }
    await socket.dispose();

    const [short, long] = counts;
    return [
      { label: 'chat DB writes per reply, 10 tokens', figures: describe(short) },
      {
        label: 'chat DB writes per reply, 2,000 tokens in 3.6 s',
        figures: compare(short, long),
        goal: 'no growth with length',
      },
    ];
  } finally {
    counter.restore();
    await server.stop();
  }
}

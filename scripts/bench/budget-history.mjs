// A year of spending by 50 members: the history the budget check and the usage page must stay
// fast over. The accounts are made through the API, as the app makes them; the ledger rows go
// straight into the server's SQLite file (WAL lets a second connection write beside the server),
// since a year of replies through the fake upstream would take hours.
import { createRequire } from 'node:module';
import { createMember } from './budget-app.mjs';
import { progress } from './report.mjs';

export const HISTORY_USERS = 50;
export const HISTORY_DAYS = 365;
/** Nano-dollars per input, output and cache-read token: the list prices. */
const MODELS = [
  { id: 'claude-sonnet-5-5', input: 2_000, output: 10_000, cacheRead: 100 },
  { id: 'claude-haiku-5-5', input: 100, output: 500, cacheRead: 10 },
];
const CONCURRENCY = 4;
const INSERT = `insert into usage_records
  (user_id, day, model, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, calls, cost_nanos)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

const DAY_MS = 86_400_000;
/** The UTC day `daysAgo` days before today. */
export const dayBefore = (daysAgo) =>
  new Date(Date.now() - daysAgo * DAY_MS).toISOString().slice(0, 10);

/** The sqlite3 driver's callbacks as promises, for the few statements the seeding needs. */
function promised(db) {
  const call = (method, target, ...args) =>
    new Promise((resolve, reject) =>
      target[method](...args, function done(error, result) {
        if (error) reject(error);
        else resolve(result ?? this);
      }),
    );
  return {
    run: (sql, params = []) => call('run', db, sql, params),
    all: (sql, params = []) => call('all', db, sql, params),
    prepare: (sql) => {
      const statement = db.prepare(sql);
      return {
        run: (params) => call('run', statement, params),
        finalize: () => call('finalize', statement),
      };
    },
    close: () => call('close', db),
  };
}

/** Deterministic amounts (Park–Miller), so every run seeds the same year. */
function pseudoRandom(seed = 42) {
  let state = seed;
  return () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
}

/**
 * Creates the members `history01`…`history50` and writes their year of usage, two models a day,
 * into the ledger. Resolves with the members as `{ username, id (global), localId }`.
 */
export async function seedHistory(app, databasePath) {
  const usernames = Array.from(
    { length: HISTORY_USERS },
    (_, i) => `history${String(i + 1).padStart(2, '0')}`,
  );
  const ids = new Map();
  let next = 0;
  const worker = async () => {
    while (next < usernames.length) {
      const username = usernames[next++];
      progress(`budget: history, member ${ids.size + 1}/${HISTORY_USERS}`);
      ids.set(username, await createMember(app.url, app.adminToken, username));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));

  progress('budget: history, ledger rows');
  const sqlite3 = createRequire(import.meta.url)('sqlite3');
  const db = promised(
    await new Promise((resolve, reject) => {
      const handle = new sqlite3.Database(databasePath, (error) =>
        error ? reject(error) : resolve(handle),
      );
    }),
  );
  try {
    await db.run('PRAGMA busy_timeout = 5000');
    const users = await db.all(`select id, username from users where username like 'history%'`);
    const random = pseudoRandom();
    const amount = (low, high) => Math.round(low + random() * (high - low));
    await db.run('begin');
    const insert = db.prepare(INSERT);
    for (const user of users) {
      for (let daysAgo = HISTORY_DAYS - 1; daysAgo >= 0; daysAgo--) {
        for (const model of MODELS) {
          const [input, output, cacheRead] = [amount(5e3, 8e4), amount(1e3, 2e4), amount(0, 5e4)];
          const cost = input * model.input + output * model.output + cacheRead * model.cacheRead;
          const day = dayBefore(daysAgo);
          await insert.run([
            user.id,
            day,
            model.id,
            input,
            output,
            cacheRead,
            0,
            amount(1, 30),
            cost,
          ]);
        }
      }
    }
    await insert.finalize();
    await db.run('commit');
    return users.map(({ id, username }) => ({ username, localId: id, id: ids.get(username) }));
  } finally {
    await db.close();
  }
}

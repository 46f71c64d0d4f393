// What the kill switch adds to each sendMessage once a year of history sits in the ledger. The
// figure that counts is measured in process with the app's own budget code on the seeded
// database, since over HTTP a few microseconds drown in the request's milliseconds; the HTTP
// comparison is kept as a cross-check.
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { loadConfig } from '../../server/src/config.ts';
import { openDatabase } from '../../server/src/db.ts';
import { createLogger } from '../../server/src/logger.ts';
import { Budgets } from '../../server/src/modules/budget/budgets.ts';
import { ModelCatalog } from '../../server/src/modules/models/models.service.ts';
import { createPubSub } from '../../server/src/pubsub.ts';
import { setLimits, signIn } from './budget-app.mjs';
import { createConversation, openSocket, sendAndFollow } from './chat-app.mjs';
import { percentile, progress } from './report.mjs';

const WARM_CHECKS = 10_000;
const SENDS = { warmup: 10, measured: 100 };
/** A limit far above the seeded spending: the check runs in full and always admits. */
const HIGH_LIMITS = { dailyLimit: 1_000, monthlyLimit: 100_000 };

const fine = (value) =>
  value < 1 ? `${Math.round(value * 1000)} µs` : `${value.toFixed(value < 10 ? 2 : 1)} ms`;
const spread = (values) =>
  `p50 ${fine(percentile(values, 50))}  p99 ${fine(percentile(values, 99))}`;

/**
 * Rows: `reserve` + `release` as sendMessage runs them, for each member's first check of the day
 * (which loads their day and month from the ledger) and for warm checks after that.
 */
export async function budgetCheck(databasePath, members) {
  const config = loadConfig({
    NODE_ENV: 'production',
    STORAGE_DIR: dirname(databasePath),
    DATABASE_URL: `sqlite:${databasePath}`,
    LOG_LEVEL: 'silent',
    JWT_SECRET: randomBytes(30).toString('base64url'),
    COST_USD_RATE: '1',
    BUDGET_TIMEZONE: 'UTC',
  });
  const logger = createLogger(config);
  const orm = await openDatabase(config, logger);
  const price = new ModelCatalog().price(config.defaultModel);
  const budgets = new Budgets({
    orm,
    config,
    pubsub: createPubSub(),
    logger,
    defaultPrice: price,
  });
  const call = {
    price,
    promptChars: 200,
    maxTokens: config.maxOutputTokens,
  };
  const check = async (userId) => {
    const startedAt = performance.now();
    (await budgets.reserve(userId, call)).release();
    return performance.now() - startedAt;
  };
  try {
    progress('budget: check, in process');
    // The instance's own day, month and limits load once for everybody: not part of a member's.
    await budgets.gate.balance(null);
    await budgets.limits.get(null);
    const cold = [];
    for (const member of members) cold.push(await check(member.localId));
    const warm = [];
    for (let i = 0; i < WARM_CHECKS; i++)
      warm.push(await check(members[i % members.length].localId));
    return [
      {
        label: 'budget check per sendMessage, warm',
        figures: `${spread(warm)}   (reserve + release, ${WARM_CHECKS.toLocaleString('en')} checks in process)`,
        goal: 'p50 ≤ 1 ms',
      },
      {
        label: "budget check, a member's first of the day",
        figures: `${spread(cold)}   (loads their day and month from the ledger; ${members.length} members)`,
      },
    ];
  } finally {
    await budgets.close();
    await orm.close(true);
  }
}

/**
 * Row: sendMessage round trips of a member with limits and one without, interleaved, on the
 * running server. Both have a year of history; the difference is within the noise of HTTP.
 */
export async function sendOverhead(app, members) {
  const [limited, unlimited] = members;
  await setLimits(app.url, app.adminToken, limited.id, HIGH_LIMITS);
  app.fake.setDefault({ text: 'A short answer.', usage: { input: 100 } });
  const sides = await Promise.all(
    [limited, unlimited].map(async (member) => {
      const token = await signIn(app.url, member.username);
      return { app: { url: app.url, token }, socket: await openSocket(app.url, token), times: [] };
    }),
  );
  const total = SENDS.warmup + SENDS.measured;
  for (let i = 0; i < total; i++) {
    if (i % 10 === 0) progress(`budget: sendMessage with and without a limit ${i}/${total}`);
    // Alternating which goes first keeps drift in the server from favouring one side.
    for (const side of i % 2 ? sides : [...sides].reverse()) {
      const conversationId = await createConversation(side.app.url, side.app.token);
      const reply = await sendAndFollow(side.app, side.socket, conversationId, 'hello');
      if (i >= SENDS.warmup) side.times.push(reply.answeredAt - reply.startedAt);
    }
  }
  await Promise.all(sides.map((side) => side.socket.dispose()));
  const [withLimit, without] = sides.map((side) => side.times);
  return [
    {
      label: 'sendMessage round trip, limit set vs none (HTTP, noisy)',
      figures: `with ${spread(withLimit)};  without ${spread(without)}   (${SENDS.measured} each, interleaved)`,
    },
  ];
}

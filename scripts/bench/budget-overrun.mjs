// Overrun under concurrency (issue #4): a member presses send in 50 conversations at once, under
// a daily limit that pays for a few replies. However the requests race, what the ledger records
// must stay within the limit, give or take the price of one streamed delta.
import {
  createMember,
  sendOrRefused,
  setLimits,
  signIn,
  spent,
  storedReply,
} from './budget-app.mjs';
import { createConversation, openSocket } from './chat-app.mjs';
import { progress } from './report.mjs';

const PARALLEL = 50;
const ROUNDS = 3;
// Each reply: 100 input and 1,000 output tokens (400 and 4,000 characters; the fake bills 4 a
// token, as real text averages) at Sonnet 5.5's $2 / $10 per million: $0.0102, streamed as 40
// deltas 10 ms apart.
const PROMPT = 'Tell me more. '.repeat(29).slice(0, 400);
const REPLY = { text: 'a'.repeat(4_000), chunkSize: 100, deltaDelayMs: 10 };
const DELTA_PRICE = (REPLY.chunkSize / 4) * (10 / 1e6);
const SCENARIOS = [
  // Three holds fill the day: the rest are refused before anything streams.
  { label: 'limit for ~3 replies', limit: 0.031 },
  // Five start at once; the limit falls mid-stream, so the running checks must cut replies.
  { label: 'limit hit mid-stream', limit: 0.05 },
];

let members = 0;

/** One round: a fresh member under `limit` sends 50 messages at once; waits for every reply. */
async function race(app, limit) {
  const username = `overrun${++members}`;
  const memberId = await createMember(app.url, app.adminToken, username);
  await setLimits(app.url, app.adminToken, memberId, { dailyLimit: limit });
  const token = await signIn(app.url, username);
  const conversations = await Promise.all(
    Array.from({ length: PARALLEL }, () => createConversation(app.url, token)),
  );
  const socket = await openSocket(app.url, token);
  try {
    const endings = await Promise.all(
      conversations.map(async (conversationId) => {
        const messageId = await sendOrRefused(app.url, token, conversationId, PROMPT);
        return messageId === null ? null : storedReply(socket, messageId);
      }),
    );
    const replies = endings.filter((ending) => ending !== null);
    return {
      ratio: (await spent(app.url, token)) / limit,
      admitted: replies.length,
      refused: PARALLEL - replies.length,
      cut: replies.filter((reply) => reply.stopReason === 'budget').length,
    };
  } finally {
    await socket.dispose();
  }
}

/** "4" or "3–4" */
const range = (values) => {
  const [low, high] = [Math.min(...values), Math.max(...values)];
  return low === high ? `${low}` : `${low}–${high}`;
};

/** Rows: the worst spend/limit of each scenario over its rounds, and the worst of all. */
export async function budgetOverrun(app) {
  app.fake.setDefault(REPLY);
  const rows = [];
  let worst = { ratio: 0 };
  for (const scenario of SCENARIOS) {
    const runs = [];
    for (let round = 1; round <= ROUNDS; round++) {
      progress(`budget: overrun, ${scenario.label}, round ${round}/${ROUNDS}`);
      runs.push(await race(app, scenario.limit));
    }
    const ratios = runs.map((run) => run.ratio);
    const ratio = Math.max(...ratios);
    if (ratio > worst.ratio) worst = { ratio, scenario };
    const tolerance = 1 + DELTA_PRICE / scenario.limit;
    rows.push({
      label: `budget overrun, ${PARALLEL} parallel, ${scenario.label}`,
      figures:
        `spend/limit ${ratio.toFixed(3)} worst (${ratios.map((r) => r.toFixed(3)).join(' ')}); ` +
        `admitted ${range(runs.map((run) => run.admitted))}, ` +
        `refused ${range(runs.map((run) => run.refused))}, ` +
        `stopped "budget" ${range(runs.map((run) => run.cut))}`,
      goal: `≤ 1.00, +1 delta ≤ ${tolerance.toFixed(3)}`,
    });
  }
  rows.unshift({
    label: 'budget overrun setup',
    figures:
      `limit $${SCENARIOS.map((s) => s.limit).join(' / $')} a day; replies of $0.0102 ` +
      `(100 in, 1,000 out) in ${REPLY.text.length / REPLY.chunkSize} deltas of ` +
      `$${DELTA_PRICE.toFixed(5)}; ${ROUNDS} rounds each; worst ${worst.ratio.toFixed(3)} ` +
      `(${worst.scenario.label})`,
  });
  return rows;
}

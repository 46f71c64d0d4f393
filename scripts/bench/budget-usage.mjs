// The usage page's queries over a year of history for 50 members: what a member and an
// administrator wait for when they open it, over HTTP against the built server.
import { signIn } from './budget-app.mjs';
import { dayBefore, HISTORY_DAYS } from './budget-history.mjs';
import { graphql } from './graphql.mjs';
import { percentile, progress } from './report.mjs';

// The fields the usage page asks for (client/src/routes/(app)/usage/usage.graphql.ts).
const USAGE = `query($from: Date!, $to: Date!, $granularity: UsageGranularity!, $allUsers: Boolean) {
  usage(from: $from, to: $to, granularity: $granularity, allUsers: $allUsers) {
    currency
    totals { inputTokens outputTokens cacheReadTokens cacheWriteTokens calls cost }
    series { date inputTokens outputTokens calls cost }
    byModel { model inputTokens outputTokens calls cost }
  }
}`;
const BY_USER = `query($from: Date!, $to: Date!) {
  usageByUser(from: $from, to: $to) { userId username inputTokens outputTokens calls cost }
}`;
const WARMUP = 10;
const SAMPLES = 200;

const month = { from: dayBefore(30), to: dayBefore(0), granularity: 'DAY' };
const year = { from: dayBefore(HISTORY_DAYS - 1), to: dayBefore(0), granularity: 'MONTH' };

/**
 * p50/p99 of one query, asked again and again as the page would be reopened, and the first time
 * apart: only then does the server read the finished days (it keeps them, as they never change).
 */
async function time({ label, query, variables, token }, url) {
  const latencies = [];
  let first = 0;
  for (let i = 0; i < WARMUP + SAMPLES; i++) {
    if (i % 50 === 0) progress(`budget: ${label} ${i}/${WARMUP + SAMPLES}`);
    const startedAt = performance.now();
    await graphql(url, query, variables, token);
    if (i === 0) first = performance.now() - startedAt;
    if (i >= WARMUP) latencies.push(performance.now() - startedAt);
  }
  const at = (p) => `${percentile(latencies, p).toFixed(1)} ms`;
  return {
    label,
    figures: `p50 ${at(50)}  p99 ${at(99)}  first ${first.toFixed(1)} ms`,
    goal: '≤ 20 ms',
  };
}

/** Rows: each usage query as one member, and as an administrator for everybody. */
export async function usagePage(app, members) {
  const { url, adminToken: admin } = app;
  const member = await signIn(url, members[0].username);
  const everybody = { allUsers: true };
  const range = { from: month.from, to: month.to };
  const queries = [
    { label: 'a month by day, one member', query: USAGE, variables: month, token: member },
    { label: 'a year by month, one member', query: USAGE, variables: year, token: member },
    { label: 'a month by day, all users', query: USAGE, variables: { ...month, ...everybody } },
    { label: 'a year by month, all users', query: USAGE, variables: { ...year, ...everybody } },
    { label: 'usageByUser, a month', query: BY_USER, variables: range },
  ];
  const rows = [];
  for (const { label, token = admin, ...rest } of queries) {
    rows.push(await time({ label: `usage page, ${label}`, token, ...rest }, url));
  }
  return rows;
}

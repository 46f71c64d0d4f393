// The money benchmarks, run by budget.mjs as a child process under tsx (the fake upstream and the
// app's budget code are TypeScript). The rows go back to the parent over IPC; anything printed
// goes to stderr.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { startFakeAnthropic } from '../../server/test/fake-anthropic/server.ts';
import { budgetCheck, sendOverhead } from './budget-check.mjs';
import { seedHistory } from './budget-history.mjs';
import { budgetOverrun } from './budget-overrun.mjs';
import { usagePage } from './budget-usage.mjs';
import { signInAsAdmin } from './chat-app.mjs';
import { API_KEY } from './chat-fake.mjs';
import { progress } from './report.mjs';
import { startServer } from './server-process.mjs';

const [scratchDir] = process.argv.slice(2);
// Without the parent there is no one to report to, nor to clean up after.
process.once('disconnect', () => process.exit(1));
let fake;
let server;
let exitCode = 0;
try {
  fake = await startFakeAnthropic({ apiKey: API_KEY });
  // A database path of our own: the seeding writes to it and the in-process check reopens it.
  const databasePath = join(mkdtempSync(join(scratchDir, 'budget-')), 'claude-rasp.sqlite');
  progress('budget: starting the server');
  server = await startServer(scratchDir, {
    env: {
      ANTHROPIC_API_KEY: API_KEY,
      ANTHROPIC_BASE_URL: fake.url,
      DATABASE_URL: `sqlite:${databasePath}`,
      // Amounts in dollars and days in UTC, so the figures read against list prices.
      COST_USD_RATE: '1',
      BUDGET_TIMEZONE: 'UTC',
      // 50 messages at once from one member is the load under test, not abuse to throttle.
      RATE_LIMIT_MESSAGES_PER_MINUTE: '0',
    },
  });
  const app = { url: server.url, adminToken: await signInAsAdmin(server.url), fake };
  const rows = await budgetOverrun(app);
  const members = await seedHistory(app, databasePath);
  rows.push(...(await usagePage(app, members)), ...(await sendOverhead(app, members)));
  await server.stop();
  rows.push(...(await budgetCheck(databasePath, members)));
  await new Promise((resolve) => process.send(rows, resolve));
} catch (error) {
  progress('');
  console.error(`bench: budget: ${error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  await server?.kill();
  await fake?.stop();
}
// Sockets a failed run left open must not keep the process alive.
process.exit(exitCode);

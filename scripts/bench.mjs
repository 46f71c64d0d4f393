// `npm run bench`: figures for the server as a Pi would run it, printed as one table.
// Each benchmark returns rows ({ label, figures, goal? }); add new ones to the list below.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { accounts } from './bench/accounts.mjs';
import { budget } from './bench/budget.mjs';
import { chat } from './bench/chat.mjs';
import { coldStart } from './bench/cold-start.mjs';
import { mcp } from './bench/mcp.mjs';
import { formatTable, megabytes, ms, progress } from './bench/report.mjs';
import { ensureServerBuilt, startServer } from './bench/server-process.mjs';

/** Benchmarks that each start their own servers. */
const standalone = [coldStart, chat, budget, mcp];
/** Benchmarks that share one long-running server, in this order. */
const onRunningServer = [accounts];

const SETTLE_MS = 1_000;

const scratchDir = mkdtempSync(join(tmpdir(), 'claude-rasp-bench-'));
let server;
try {
  ensureServerBuilt();
  const rows = [];
  for (const benchmark of standalone) rows.push(...(await benchmark(scratchDir)));

  progress('starting the server');
  server = await startServer(scratchDir);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  rows.push({ label: 'RSS after start', figures: megabytes(server.rssBytes()), goal: '< 90 MB' });
  for (const benchmark of onRunningServer) rows.push(...(await benchmark(server)));

  progress('stopping the server');
  const shutdownMs = await server.stop();
  rows.push({ label: 'graceful shutdown (SIGTERM)', figures: ms(shutdownMs), goal: '< 5 s' });

  progress('');
  const cores = availableParallelism();
  console.log(formatTable(`claude-rasp bench (node ${process.version}, ${cores} cores)`, rows));
  console.log('bench: ok');
} catch (error) {
  progress('');
  console.error(`bench: failed: ${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  await server?.kill();
  rmSync(scratchDir, { recursive: true, force: true });
}

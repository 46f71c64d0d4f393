import { median, ms, progress } from './report.mjs';
import { startServer } from './server-process.mjs';

const RUNS = 5;

/** Spawn to the first 200 from /healthz, on fresh storage each time so the migrations run. */
export async function coldStart(scratchDir) {
  const startups = [];
  for (let run = 1; run <= RUNS; run++) {
    progress(`cold start ${run}/${RUNS}`);
    const server = await startServer(scratchDir);
    startups.push(server.startupMs);
    try {
      await server.stop();
    } finally {
      await server.kill();
    }
  }
  return [
    {
      label: 'cold start to /healthz 200',
      figures: `median ${ms(median(startups))}   max ${ms(Math.max(...startups))}`,
      goal: '< 2 s',
    },
  ];
}

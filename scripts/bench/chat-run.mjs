// The chat benchmarks, run by chat.mjs as a child process under tsx (the fake upstream is
// TypeScript). The rows go back to the parent over IPC; anything printed goes to stderr.
import { chatLatency } from './chat-latency.mjs';
import { startTimedUpstream } from './chat-fake.mjs';
import { chatWrites } from './chat-writes.mjs';
import { progress } from './report.mjs';

const [scratchDir] = process.argv.slice(2);
// Without the parent there is no one to report to, nor to clean up after.
process.once('disconnect', () => process.exit(1));
let upstream;
let exitCode = 0;
try {
  upstream = await startTimedUpstream();
  const rows = [
    ...(await chatLatency(scratchDir, upstream)),
    ...(await chatWrites(scratchDir, upstream)),
  ];
  await new Promise((resolve) => process.send(rows, resolve));
} catch (error) {
  progress('');
  console.error(`bench: chat: ${error instanceof Error ? error.stack : error}`);
  exitCode = 1;
} finally {
  await upstream?.stop();
}
// Sockets a failed run left open must not keep the process alive.
process.exit(exitCode);

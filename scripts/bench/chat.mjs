import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const runner = fileURLToPath(new URL('chat-run.mjs', import.meta.url));

/**
 * The chat benchmarks (chat-latency.mjs, chat-writes.mjs) in a child process under tsx, since
 * they run the TypeScript fake Anthropic upstream. Its output goes to stderr: stdout is the table.
 */
export async function chat(scratchDir) {
  const child = spawn(process.execPath, ['--import', 'tsx', runner, scratchDir], {
    stdio: ['ignore', 2, 'inherit', 'ipc'],
  });
  let rows;
  child.on('message', (message) => (rows = message));
  const code = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode, signal) => resolve(signal ?? exitCode));
  });
  if (code !== 0 || !rows) throw new Error(`the chat benchmarks failed (exit ${code})`);
  return rows;
}

import { spawn } from 'node:child_process';

/**
 * Runs a benchmark script in a child process under tsx (for benchmarks that load TypeScript: the
 * fake Anthropic upstream, MCP fixtures, the app's own modules) and resolves with the rows it
 * sends over IPC. Its output goes to stderr: stdout is the results table.
 */
export async function rowsUnderTsx(name, script, args, options = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    ...options,
    stdio: ['ignore', 2, 'inherit', 'ipc'],
  });
  let rows;
  child.on('message', (message) => (rows = message));
  const code = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode, signal) => resolve(signal ?? exitCode));
  });
  if (code !== 0 || !rows) throw new Error(`the ${name} benchmarks failed (exit ${code})`);
  return rows;
}

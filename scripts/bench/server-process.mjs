// Runs the built server as its own process, configured the way it runs in production, so the
// benchmarks measure what a Pi would run: node, the compiled JavaScript and a fresh SQLite file.
import { execSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const serverEntry = join(root, 'server/dist/server/src/main.js');
const STARTUP_TIMEOUT_MS = 30_000;
const HEALTH_POLL_MS = 10;
const running = new Set();

// A benchmark that throws must not leave a server behind.
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

function newestChange(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the server when its output is missing or older than its sources (as `npm start` does). */
export function ensureServerBuilt() {
  const sources = Math.max(
    newestChange(join(root, 'server/src')),
    newestChange(join(root, 'migrations')),
  );
  if (existsSync(serverEntry) && statSync(serverEntry).mtimeMs >= sources) return;
  // stdout stays reserved for the results table.
  console.error('> npm run build -w server');
  execSync('npm run build -w server', { cwd: root, stdio: ['ignore', 2, 2] });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Keeps the last few kilobytes the server printed, to explain a failure. */
function recordOutput(child) {
  let output = '';
  const keep = (chunk) => {
    output = (output + chunk).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  return () => output.trim();
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Spawns the server on a free port with fresh storage under `scratchDir` and resolves once
 * GET /healthz answers 200, with `startupMs` measured from the spawn. `env` adds variables a
 * benchmark sets on purpose, such as an upstream it runs itself.
 */
export async function startServer(scratchDir, { env = {} } = {}) {
  const storageDir = mkdtempSync(join(scratchDir, 'storage-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const spawnedAt = performance.now();
  // A minimal environment and a cwd without .env: a developer's DATABASE_URL or API key must
  // never point a benchmark at real data.
  // The same runtime settings as `npm start` and the systemd unit.
  const child = spawn(process.execPath, ['--max-semi-space-size=2', serverEntry], {
    cwd: storageDir,
    env: {
      PATH: process.env.PATH,
      MALLOC_MMAP_THRESHOLD_: '131072',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      STORAGE_DIR: storageDir,
      LOG_LEVEL: 'warn',
      JWT_SECRET: randomBytes(30).toString('base64url'),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const output = recordOutput(child);
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;

  for (;;) {
    const attemptAt = performance.now();
    if (hasExited()) throw new Error(`the server exited during startup:\n${output()}`);
    const status = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      async (response) => (await response.arrayBuffer(), response.status),
      () => 0,
    );
    if (status === 200) break;
    if (attemptAt - spawnedAt > STARTUP_TIMEOUT_MS) {
      child.kill('SIGKILL');
      throw new Error(
        `/healthz did not answer 200 within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`,
      );
    }
    await pause(Math.max(0, HEALTH_POLL_MS - (performance.now() - attemptAt)));
  }

  return {
    url,
    pid: child.pid,
    startupMs: performance.now() - spawnedAt,

    /** Resident memory of the server process, from /proc/<pid>/status (Linux). */
    rssBytes() {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kilobytes = /^VmRSS:\s+(\d+) kB$/m.exec(status);
      if (!kilobytes) throw new Error(`no VmRSS in /proc/${child.pid}/status`);
      return Number(kilobytes[1]) * 1024;
    },

    /** Sends SIGTERM and resolves with the milliseconds until a clean exit. */
    async stop(timeoutMs = 5_000) {
      const signalledAt = performance.now();
      child.kill('SIGTERM');
      let timer;
      const result = await Promise.race([
        exited,
        new Promise((resolve) => (timer = setTimeout(resolve, timeoutMs, null))),
      ]);
      clearTimeout(timer);
      if (result === null) {
        child.kill('SIGKILL');
        throw new Error(`the server did not exit within ${timeoutMs / 1000} s of SIGTERM`);
      }
      if (result.code !== 0) {
        throw new Error(`the server exited with ${result.signal ?? result.code}:\n${output()}`);
      }
      return performance.now() - signalledAt;
    },

    /** Ends the process at once; for cleaning up after a failure. */
    async kill() {
      if (hasExited()) return;
      child.kill('SIGKILL');
      await exited;
    },
  };
}

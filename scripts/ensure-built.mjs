// Builds what is missing or stale: the client once, the server when its sources changed.
// `node scripts/ensure-built.mjs client` builds only the client.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
export const serverEntry = join(root, 'server/dist/server/src/main.js');

function newestChange(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestChange(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function run(command) {
  console.log(`> ${command}`);
  execSync(command, { cwd: root, stdio: 'inherit' });
}

export function ensureBuilt({ server = true } = {}) {
  if (!existsSync(join(root, 'client/build/index.html'))) run('npm run build -w client');
  if (!server) return;
  const sources = Math.max(
    newestChange(join(root, 'server/src')),
    newestChange(join(root, 'migrations')),
  );
  if (!existsSync(serverEntry) || statSync(serverEntry).mtimeMs < sources) {
    run('npm run build -w server');
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  ensureBuilt({ server: process.argv[2] !== 'client' });
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: the nearest folder above this file whose package.json is the workspace's. */
function findRepositoryRoot(start: string): string {
  let dir = start;
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && 'workspaces' in JSON.parse(readFileSync(manifest, 'utf8'))) {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('claude-rasp: cannot find the repository root');
    dir = parent;
  }
}

export const repositoryRoot = findRepositoryRoot(dirname(fileURLToPath(import.meta.url)));
export const clientBuildDir = join(repositoryRoot, 'client', 'build');
export const version: string = JSON.parse(
  readFileSync(join(repositoryRoot, 'server', 'package.json'), 'utf8'),
).version;

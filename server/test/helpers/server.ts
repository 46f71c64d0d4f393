import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';

export type TestServer = {
  url: string;
  storageDir: string;
  app: App;
  stop(): Promise<void>;
};

/** A real server on port 0 with a fresh SQLite database migrated by the real migrations. */
export async function startServer(
  env: Record<string, string> = {},
  options: { clientDir?: string; storageDir?: string } = {},
): Promise<TestServer> {
  const storageDir = options.storageDir ?? mkdtempSync(join(tmpdir(), 'claude-rasp-test-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    STORAGE_DIR: storageDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = buildApp(config, { clientDir: options.clientDir ?? join(storageDir, 'no-client') });
  const url = await app.start();
  return {
    url,
    storageDir,
    app,
    async stop() {
      await app.stop();
      if (!options.storageDir) rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

// `npm run demo`: the app against the built-in fake Claude, so a newcomer can chat without a key.
// Data goes to storage/demo/, apart from a real installation's.
import { buildApp } from '../server/src/app.ts';
import { loadConfig, readEnvironment } from '../server/src/config.ts';
import { startFakeAnthropic } from '../server/test/fake-anthropic/server.ts';

const fake = await startFakeAnthropic({ apiKey: 'demo' });
const environment = readEnvironment();
const app = buildApp(
  loadConfig({
    STORAGE_DIR: 'storage/demo',
    ...environment,
    ANTHROPIC_API_KEY: 'demo',
    ANTHROPIC_BASE_URL: fake.url,
    DEMO_MODE: 'true',
  }),
);
const url = await app.start();
console.log(
  `\nclaude-rasp demo: open ${url.replace('127.0.0.1', 'localhost')} (replies come from a fake Claude)\n`,
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app
      .stop()
      .then(() => fake.stop())
      .then(() => process.exit(0));
  });
}

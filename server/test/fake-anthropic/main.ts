/**
 * Runs the fake Anthropic API on its own, for `npm run demo` and manual poking:
 *   PORT=4010 npx tsx server/test/fake-anthropic/main.ts
 * then point the app at it with ANTHROPIC_BASE_URL. PORT defaults to 0 (any free port).
 */
import { startFakeAnthropic } from './server.ts';

const port = Number(process.env.PORT ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(
    `fake-anthropic: PORT must be an integer from 0 to 65535, got "${process.env.PORT}"`,
  );
  process.exit(1);
}

const fake = await startFakeAnthropic({ port, host: process.env.HOST ?? '127.0.0.1' });
console.log(fake.url);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void fake.stop().then(() => process.exit(0));
  });
}

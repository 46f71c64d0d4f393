import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { startChatWorld, type ChatWorld } from '../server/test/helpers/chat.ts';
import { ADMIN } from '../server/test/helpers/graphql.ts';
import {
  clientDir,
  DESKTOP,
  launchBrowser,
  openPage,
  requireClientBuild,
} from './helpers/browser.ts';
import { signIn } from './helpers/flows.ts';

let world: ChatWorld;
let browser: Browser;

beforeAll(async () => {
  requireClientBuild();
  world = await startChatWorld({}, { clientDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

const REPLY = 'Here is a **streamed** answer.\n\n```js\nconsole.log("hi");\n```\n\nThat is all.';

it('on a desktop: sends a message, watches the reply stream in, and stops another one', async () => {
  const watched = await openPage(browser, DESKTOP, 'chat');
  onTestFailed(() => watched.screenshot('failed'));
  const { page } = watched;
  world.fake.script(
    { text: REPLY, chunkSize: 4, firstTokenDelayMs: 200, deltaDelayMs: 60, usage: { input: 20 } },
    {
      text: 'This reply will be stopped halfway through, it goes on and on',
      chunkSize: 6,
      deltaDelayMs: 80,
      hangAfterDeltas: 4,
    },
  );

  await page.goto(world.server.url);
  await page.waitForURL((url) => url.pathname === '/login');
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: 'New conversation' }).click();
  const composer = page.getByLabel('Message');
  await composer.fill('Show me some code');
  await page.getByRole('button', { name: 'Send' }).click();

  // Part of the reply is on screen while the rest is still being written.
  await page.getByText('Here is a').waitFor();
  await page.getByRole('button', { name: 'Stop' }).waitFor();
  await watched.screenshot('1-streaming');
  await page.getByText('That is all.').waitFor();
  await page.locator('strong', { hasText: 'streamed' }).waitFor();
  await page.locator('pre code', { hasText: 'console.log' }).waitFor();
  await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'detached' });
  await watched.screenshot('2-complete');

  await composer.fill('Now a long one');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByText('This reply will be stopp').waitFor();
  await page.getByRole('button', { name: 'Stop' }).click();
  await page.getByText('Stopped', { exact: false }).first().waitFor();
  await watched.screenshot('3-stopped');
  await expect.poll(() => world.fake.requests.at(-1)!.disconnected).toBe(true);

  // What the page showed is what was stored.
  const stored = world.fake.requests.filter((r) => r.path === '/v1/messages');
  expect(stored).toHaveLength(2);
  expect(stored[1]!.body!.messages!.at(-1)).toEqual({ role: 'user', content: 'Now a long one' });
  expect(watched.problems).toEqual([]);
});

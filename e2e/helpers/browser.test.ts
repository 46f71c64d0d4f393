import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../server/test/helpers/server.ts';
import { clientDir, DESKTOP, launchBrowser, openPage, requireClientBuild } from './browser.ts';

// The other e2e tests assert that `problems` stays empty; this proves it would not stay empty.

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  requireClientBuild();
  server = await startServer({}, { clientDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it('records CSP violations, console errors and uncaught exceptions', async () => {
  const { page, problems } = await openPage(browser, DESKTOP, 'watch');
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Create the administrator' }).waitFor();
  expect(problems).toEqual([]);

  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
    console.error('something broke');
    setTimeout(() => {
      throw new Error('uncaught on purpose');
    });
  });
  await expect.poll(() => problems.length).toBeGreaterThanOrEqual(3);
  expect(problems.join('\n')).toMatch(/CSP violation: script-src/);
  expect(problems).toContain('console: something broke');
  expect(problems).toContain('page error: uncaught on purpose');
  expect(await page.evaluate(() => 'injected' in window)).toBe(false);
});

import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repositoryRoot } from '../../server/src/paths.ts';

export const clientDir = join(repositoryRoot, 'client', 'build');
const screenshotDir = join(repositoryRoot, 'test-results', 'e2e');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** Chromium from Debian; these tests never download a browser. */
const CHROMIUM = '/usr/bin/chromium';

/** Fails early and says what to do, rather than testing the server's "not built" page. */
export function requireClientBuild(): void {
  if (!existsSync(join(clientDir, 'index.html'))) {
    throw new Error(
      `The web app is not built (${clientDir}/index.html is missing): run \`npm run build -w client\` first.`,
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: run \`apt-get update && apt-get install -y chromium\`.`,
    );
  }
  return await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export type WatchedPage = {
  page: Page;
  /** Console errors, uncaught exceptions and CSP violations seen so far, oldest first. */
  problems: string[];
  /** Saves a full-page screenshot as test-results/e2e/<prefix>-<name>.png (prefixes must not nest). */
  screenshot(name: string): Promise<void>;
};

/** A page in a fresh context (no cookies) that records everything that went wrong in it. */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number },
  prefix: string,
): Promise<WatchedPage> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  // Chromium also logs violations to the console; the event names the directive, in any case.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  mkdirSync(screenshotDir, { recursive: true });
  // Screenshots of an earlier run, such as a failure since fixed, would mislead.
  for (const file of readdirSync(screenshotDir)) {
    if (file.startsWith(`${prefix}-`)) rmSync(join(screenshotDir, file));
  }
  return {
    page,
    problems,
    async screenshot(name) {
      await page.screenshot({ path: join(screenshotDir, `${prefix}-${name}.png`), fullPage: true });
    },
  };
}

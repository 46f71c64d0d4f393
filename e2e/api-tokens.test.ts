import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { errorCode, gql, setupAdmin, ADMIN } from '../server/test/helpers/graphql.ts';
import { startServer, type TestServer } from '../server/test/helpers/server.ts';
import {
  clientDir,
  DESKTOP,
  launchBrowser,
  openPage,
  PHONE,
  requireClientBuild,
} from './helpers/browser.ts';
import { signIn } from './helpers/flows.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  requireClientBuild();
  server = await startServer({}, { clientDir });
  await setupAdmin(server.url);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** GraphiQL draws its button before its editors exist; a click before that does nothing. */
async function runWhenReady(page: Page) {
  await page.locator('.graphiql-query-editor .CodeMirror').waitFor();
  await page.getByRole('button', { name: /Execute query/ }).click();
}

/** Waits until GraphiQL's result editor shows the text (CodeMirror splits it into spans). */
async function responseContains(page: Page, text: string) {
  await page.waitForFunction((expected) => {
    const editor = document.querySelector('.result-window .CodeMirror') as unknown as {
      CodeMirror: { getValue(): string };
    } | null;
    return editor?.CodeMirror.getValue().includes(expected) ?? false;
  }, text);
}

async function signInAt(page: Page, path: string) {
  await page.goto(`${server.url}/login?next=${encodeURIComponent(path)}`);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.waitForURL((url) => url.pathname === path);
}

it('on a phone: creates a token, shows it once, the token works, and revoking it ends it', async () => {
  const { page, problems, screenshot } = await openPage(browser, PHONE, 'tokens-phone');
  onTestFailed(() => screenshot('failed'));
  await signInAt(page, '/settings');

  const section = page.getByRole('region', { name: 'API tokens' });
  await section.getByText('You have no active API tokens.').waitFor();
  await section.getByRole('button', { name: 'Create a token' }).click();
  await section.getByLabel('Name').fill('nightly summary');
  await section.getByRole('radio', { name: /Read and chat/ }).check();
  await section.getByLabel('Expires').selectOption('90');
  await screenshot('1-create-form');
  await section.getByRole('button', { name: 'Create token' }).click();

  const secret = page.getByTestId('new-api-token');
  await secret.waitFor();
  const token = (await secret.textContent())!.trim();
  expect(token).toMatch(/^rasp_[0-9A-Za-z]{36}$/);
  await section.getByRole('button', { name: 'Copy', exact: true }).click();
  await section.getByRole('button', { name: 'Copied', exact: true }).waitFor();
  await screenshot('2-secret-shown-once');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot('2-secret-shown-once-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // The script's side: the token works over plain HTTP, as its owner.
  const used = await gql(server.url, '{ viewer { username } }', {}, { token });
  expect(used.data).toEqual({ viewer: { username: ADMIN.username } });

  await section.getByRole('button', { name: 'I have copied it' }).click();
  await secret.waitFor({ state: 'detached' });
  await page.reload();
  const row = section.getByRole('listitem').filter({ hasText: 'nightly summary' });
  await row.getByText('Read and chat').waitFor();
  await row.getByText(`${token.slice(0, 12)}…`).waitFor();
  expect(await page.content()).not.toContain(token.slice(12));
  await screenshot('3-listed');

  await row.getByRole('button', { name: 'Revoke' }).click();
  await row.getByText('Scripts using it stop working at once.').waitFor();
  await page.keyboard.press('Tab'); // focus starts on Cancel; the confirm button is before it
  await row.getByRole('button', { name: 'Revoke token' }).click();
  await section.getByText('You have no active API tokens.').waitFor();
  await section.getByText('Revoked and expired tokens (1)').click();
  await section.getByText(/^Revoked (?!and)/).waitFor();
  await screenshot('4-revoked');

  const refused = await gql(server.url, '{ viewer { username } }', {}, { token });
  expect(errorCode(refused)).toBe('UNAUTHENTICATED');
  expect(problems).toEqual([]);
});

it('on a desktop: the playground works at once as the signed-in user, subscriptions too', async () => {
  const { page, problems, screenshot } = await openPage(browser, DESKTOP, 'playground-desktop');
  onTestFailed(() => screenshot('failed'));
  const sockets: string[] = [];
  page.on('websocket', (socket) => sockets.push(new URL(socket.url()).pathname));
  await signInAt(page, '/settings');
  await page.getByRole('heading', { name: 'API tokens' }).waitFor();
  await screenshot('0-settings');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Playground' })
    .click();
  await page.waitForURL((url) => url.pathname === '/playground');
  await page.getByText(`as ${ADMIN.username}`).waitFor();

  await runWhenReady(page);
  await responseContains(page, `"username": "${ADMIN.username}"`);
  await screenshot('1-query');

  // A subscription runs over the WebSocket with the same session.
  await page.locator('.graphiql-query-editor .CodeMirror textarea').focus();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText('subscription Servers { mcpServers { name } }');
  await page.getByRole('tab', { name: 'Servers' }).waitFor();
  await runWhenReady(page);
  await responseContains(page, '"mcpServers": []');
  expect(sockets).toContain('/graphql');
  await screenshot('2-subscription');
  await page.emulateMedia({ colorScheme: 'dark' });
  await screenshot('3-dark');
  expect(problems).toEqual([]);
});

it('on a phone, signed out: the playground explains how to authenticate', async () => {
  const { page, problems, screenshot } = await openPage(browser, PHONE, 'playground-phone');
  onTestFailed(() => screenshot('failed'));
  await page.goto(`${server.url}/playground`);
  await page.getByRole('heading', { name: 'API playground' }).waitFor();
  await page.getByText('Authorization: Bearer rasp_…', { exact: false }).first().waitFor();
  await screenshot('1-anonymous');
  await page.getByRole('link', { name: 'Sign in to use it' }).click();
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.waitForURL((url) => url.pathname === '/playground');
  await runWhenReady(page);
  await responseContains(page, `"username": "${ADMIN.username}"`);
  await screenshot('2-signed-in');
  expect(problems).toEqual([]);
});

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { startServer, type TestServer } from '../server/test/helpers/server.ts';
import {
  clientDir,
  launchBrowser,
  openPage,
  PHONE,
  requireClientBuild,
} from './helpers/browser.ts';
import { signIn } from './helpers/flows.ts';

const ADMIN = { username: 'ada', email: 'ada@example.com', password: 'first password 1' };
const NEW_PASSWORD = 'second password 2';

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

it('on a phone: sets up the admin, keeps the session on reload, changes the password', async () => {
  const { page, problems, screenshot } = await openPage(browser, PHONE, 'phone');
  onTestFailed(() => screenshot('failed'));
  // Signed in, the app opens on the chat with its composer.
  const home = page.getByLabel('Message');

  await page.goto(server.url);
  await page.waitForURL((url) => url.pathname === '/setup');
  await page.getByRole('heading', { name: 'Create the administrator' }).waitFor();
  await page.getByLabel('Username').fill(ADMIN.username);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Confirm password').fill('not the same password');
  await page.getByRole('button', { name: 'Create admin' }).click();
  await page.getByRole('alert').filter({ hasText: 'The passwords do not match.' }).waitFor();
  await screenshot('1-setup-mismatch');

  await page.getByLabel('Confirm password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Create admin' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await home.waitFor();
  await page.getByRole('banner').getByText(ADMIN.username, { exact: true }).waitFor();
  await screenshot('2-home');

  await page.reload();
  await home.waitFor();
  expect(new URL(page.url()).pathname).toBe('/');
  const cookies = await page.context().cookies(server.url + '/graphql');
  expect(cookies.find((cookie) => cookie.name === 'rasp_refresh')).toMatchObject({
    httpOnly: true,
    sameSite: 'Strict',
  });

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Settings' })
    .click();
  await page.waitForURL((url) => url.pathname === '/settings');
  await page.getByLabel('Current password').fill(ADMIN.password);
  await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Confirm new password').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Change password' }).click();
  await page.getByText('Your password has been changed.').waitFor();
  expect(await page.getByLabel('Current password').inputValue()).toBe('');
  await screenshot('3-settings-changed');

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await screenshot('4-logged-out');

  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');
  await screenshot('5-login-old-password');

  await signIn(page, ADMIN.username, NEW_PASSWORD);
  await page.waitForURL((url) => url.pathname === '/');
  await home.waitFor();
  await screenshot('6-home-after-sign-in');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await page.getByRole('heading', { name: `${ADMIN.username} (you)`, exact: true }).waitFor();
  await screenshot('7-users');

  await page.getByRole('button', { name: 'Log out' }).click();
  await page.waitForURL((url) => url.pathname === '/login');
  await page.reload();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  expect(new URL(page.url()).pathname).toBe('/login');

  expect(problems).toEqual([]);
});

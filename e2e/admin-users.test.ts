import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { ADMIN, setupAdmin } from '../server/test/helpers/graphql.ts';
import { startServer, type TestServer } from '../server/test/helpers/server.ts';
import {
  clientDir,
  DESKTOP,
  launchBrowser,
  openPage,
  requireClientBuild,
} from './helpers/browser.ts';
import { signIn } from './helpers/flows.ts';

const MEMBER = { username: 'grace', email: 'grace@example.com', password: 'member password 1' };

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

it('on a desktop: the admin adds a member, who signs in, then deactivates them', async () => {
  const admin = await openPage(browser, DESKTOP, 'desktop');
  onTestFailed(() => admin.screenshot('failed'));
  const { page } = admin;

  await page.goto(server.url);
  await page.waitForURL((url) => url.pathname === '/login');
  await admin.screenshot('1-login');
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByLabel('Message').waitFor();
  await page.getByRole('banner').getByText(ADMIN.username, { exact: true }).waitFor();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Users' })
    .waitFor();
  await admin.screenshot('2-home');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
  await page.waitForURL((url) => url.pathname === '/admin/users');
  const rows = page.getByRole('list').getByRole('listitem');
  const row = (username: string) =>
    rows.filter({ has: page.getByRole('heading', { name: username, exact: true }) });
  await row(`${ADMIN.username} (you)`).waitFor();
  await admin.screenshot('3-users');

  const form = page.getByRole('region', { name: 'Add a user' });
  await form.getByLabel('Username').fill(MEMBER.username);
  await form.getByLabel('Email').fill(MEMBER.email);
  await form.getByLabel('Password', { exact: true }).fill(MEMBER.password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await form.getByText(`${MEMBER.username} can now sign in.`).waitFor();
  await row(MEMBER.username).getByText(MEMBER.email).waitFor();
  expect(await form.getByLabel('Username').inputValue()).toBe('');
  expect(await rows.count()).toBe(2);
  await admin.screenshot('4-member-created');

  const member = await openPage(browser, DESKTOP, 'member');
  await member.page.goto(`${server.url}/login`);
  await signIn(member.page, MEMBER.username, MEMBER.password);
  await member.page.getByLabel('Message').waitFor();
  await member.page.getByRole('banner').getByText(MEMBER.username, { exact: true }).waitFor();
  const memberNav = member.page.getByRole('navigation', { name: 'Main' });
  expect(await memberNav.getByRole('link', { name: 'Users' }).count()).toBe(0);
  await member.screenshot('5-member-home');

  await row(MEMBER.username).getByRole('button', { name: 'Deactivate' }).click();
  await row(MEMBER.username).getByText(`${MEMBER.username} can no longer sign in.`).waitFor();
  await row(MEMBER.username).getByText('Deactivated', { exact: true }).waitFor();
  await row(MEMBER.username).getByRole('button', { name: 'Activate' }).waitFor();
  expect(await row(`${ADMIN.username} (you)`).getByText('Deactivated').count()).toBe(0);
  await admin.screenshot('6-member-deactivated');

  // A deactivated member's session ends: a reload cannot renew it, and signing in is refused.
  await member.page.reload();
  await member.page.waitForURL((url) => url.pathname === '/login');
  await signIn(member.page, MEMBER.username, MEMBER.password);
  await member.page.getByRole('alert').filter({ hasText: 'Wrong username or password.' }).waitFor();
  await member.screenshot('7-deactivated-sign-in');

  await page.reload();
  await row(MEMBER.username).getByText('Deactivated', { exact: true }).waitFor();

  expect(admin.problems).toEqual([]);
  expect(member.problems).toEqual([]);
});

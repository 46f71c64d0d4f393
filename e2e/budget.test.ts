import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import sqlite3 from 'sqlite3';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { startChatWorld, type ChatWorld } from '../server/test/helpers/chat.ts';
import { ADMIN, createMember, gql } from '../server/test/helpers/graphql.ts';
import {
  clientDir,
  DESKTOP,
  launchBrowser,
  openPage,
  PHONE,
  requireClientBuild,
  type WatchedPage,
} from './helpers/browser.ts';
import { signIn } from './helpers/flows.ts';

// One euro per dollar keeps the arithmetic readable: Sonnet costs €2 in and €10 out per million
// tokens, so a reply of 1,000 tokens in and 600 out costs €0.008, 80% of a €0.01 daily limit. What
// is left can still pay for a short reply (its prompt and 16 tokens of answer), so the next one is
// admitted and then stopped at the limit.
const ENV = { COST_CURRENCY: 'EUR', COST_USD_RATE: '1', BUDGET_TIMEZONE: 'UTC' };
const REPLY_USAGE = { input: 1000, output: 600 };
const DAILY_LIMIT = '0.01';

let world: ChatWorld;
let browser: Browser;
let grace: Awaited<ReturnType<typeof createMember>>;
let ada: Awaited<ReturnType<typeof createMember>>;

beforeAll(async () => {
  requireClientBuild();
  world = await startChatWorld(ENV, { clientDir });
  grace = await createMember(world.server.url, world.admin.token, 'grace');
  ada = await createMember(world.server.url, world.admin.token, 'ada');
  // Past days can't be produced through the fake (the server's clock is real), so Ada's history
  // is written into the ledger before anything has read a budget.
  await seedHistory(join(world.server.storageDir, 'database', 'claude-rasp.sqlite'), ada.id);
  const limits = await gql(
    world.server.url,
    'mutation($input: SetLimitsInput!) { setLimits(input: $input) { dailyLimit } }',
    { input: { userId: ada.id, dailyLimit: 1.5, monthlyLimit: 25 } },
    { token: world.admin.token },
  );
  expect(limits.errors).toBeUndefined();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await world?.stop();
});

it('an admin sets a small daily limit; the member is warned, then blocked, with alerts as they happen', async () => {
  const admin = await openPage(browser, DESKTOP, 'budget-admin');
  const member = await openPage(browser, PHONE, 'budget-member');
  onTestFailed(async () => {
    await admin.screenshot('failed');
    await member.screenshot('failed');
  });

  // The admin gives Grace a daily limit of a tenth of a cent.
  await signInAt(admin.page, ADMIN.username, ADMIN.password);
  await nav(admin.page, 'Limits');
  await admin.page.waitForURL((url) => url.pathname === '/admin/limits');
  await admin.page.getByRole('button', { name: 'Edit limits of grace' }).click();
  const form = admin.page.locator('form', {
    has: admin.page.getByRole('button', { name: 'Save limits of grace' }),
  });
  await form.getByLabel('Daily limit (EUR)').fill(DAILY_LIMIT);
  await form.getByRole('button', { name: 'Save limits of grace' }).click();
  await form.getByText('Limits saved.').waitFor();
  await admin.screenshot('1-limit-set');

  // Grace's first reply takes 80% of it: a warning above the composer and a 70% alert.
  const { page } = member;
  world.fake.script(
    { text: 'A first answer.', usage: REPLY_USAGE },
    {
      text: 'A second answer that goes on for a while, well past what the budget allows.',
      chunkSize: 8,
      usage: REPLY_USAGE,
    },
  );
  await signInAt(page, 'grace', grace.password);
  await send(page, 'Hello');
  await page.getByText('A first answer.').waitFor();
  const toast = page.locator('.toast', { hasText: 'You have used 70% of your daily budget' });
  await toast.waitFor();
  await page.getByText('You have used 80% of your daily budget').waitFor();
  await member.screenshot('2-warning');

  // The second one reaches the limit: a 100% alert and the chat says until when.
  await send(page, 'Tell me more');
  const usedUp = page.locator('.toast', { hasText: 'Your daily budget is used up (' });
  await usedUp.waitFor();
  // Crossing 90% and 100% at once makes one toast, not two.
  expect(await page.locator('.toast', { hasText: '90%' }).count()).toBe(0);
  const blocked = page.getByText(
    /Your daily budget is used up\. You can send messages again (at midnight|today at|tomorrow at)/,
  );
  await blocked.waitFor();
  await page.getByRole('link', { name: 'See usage' }).first().waitFor();
  await member.screenshot('3-blocked');

  // A third message never reaches Claude; the draft stays for later.
  const before = world.fake.requests.filter((r) => r.path === '/v1/messages').length;
  await send(page, 'One more thing');
  await blocked.waitFor();
  await expect.poll(() => page.getByLabel('Message').inputValue()).toBe('One more thing');
  expect(world.fake.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(before);

  // The usage page shows today's bar over the limit line and full gauges.
  await nav(page, 'Usage');
  await page.waitForURL((url) => url.pathname === '/usage');
  await page.getByRole('heading', { name: 'Spent per day' }).waitFor();
  await expect.poll(() => page.locator('.daily svg rect').count()).toBeGreaterThan(0);
  await page.getByRole('figure').filter({ hasText: 'Today' }).getByText('of €0.01').waitFor();
  const history = page.getByRole('region', { name: 'Recent alerts' });
  await history.getByText('Your daily budget is used up').waitFor();
  await history.getByText('You have used 70% of your daily budget').waitFor();
  await member.screenshot('4-usage');

  // The admin's table shows her at the limit.
  await admin.page.reload();
  const row = admin.page.getByRole('row').filter({ hasText: 'grace' });
  await row.getByText('of €0.01').waitFor();
  await admin.screenshot('5-table');

  expect(member.problems).toEqual([]);
  expect(admin.problems).toEqual([]);
});

it('the usage page reads well on a phone and a desktop, light and dark', async () => {
  const phone = await openPage(browser, PHONE, 'budget-phone');
  const desktop = await openPage(browser, DESKTOP, 'budget-desktop');
  onTestFailed(async () => {
    await phone.screenshot('failed');
    await desktop.screenshot('failed');
  });
  world.fake.setDefault({ text: 'Noted.', usage: { input: 3000, output: 400 } });

  await signInAt(phone.page, 'ada', ada.password);
  await send(phone.page, 'Summarise my week');
  await phone.page.getByText('Noted.').waitFor();
  await nav(phone.page, 'Usage');
  await showsCharts(phone);
  await phone.screenshot('1-this-month');
  await phone.page.getByRole('link', { name: /^Previous month/ }).click();
  await showsCharts(phone);
  await phone.page.getByText('Claude Haiku 5.5').waitFor();
  await phone.page.getByText('The numbers, day by day').click();
  await phone.page.getByRole('rowheader', { name: 'Month', exact: true }).waitFor();
  await phone.screenshot('2-last-month');

  await desktop.page.emulateMedia({ colorScheme: 'dark' });
  await signInAt(desktop.page, 'ada', ada.password);
  await nav(desktop.page, 'Usage');
  await showsCharts(desktop);
  await desktop.screenshot('1-this-month-dark');
  await phone.page.emulateMedia({ colorScheme: 'dark' });
  await phone.page.reload();
  await showsCharts(phone);
  await phone.screenshot('3-last-month-dark');

  // The admin's page, dark, with everybody's spending.
  await desktop.page.getByRole('button', { name: 'Log out' }).click();
  await desktop.page.waitForURL((url) => url.pathname === '/login');
  await signInAt(desktop.page, ADMIN.username, ADMIN.password);
  await nav(desktop.page, 'Limits');
  await desktop.page.getByRole('row').filter({ hasText: 'ada' }).getByText('of €1.50').waitFor();
  await desktop.screenshot('2-admin-limits-dark');
  await phone.page.getByRole('button', { name: 'Log out' }).click();
  await phone.page.waitForURL((url) => url.pathname === '/login');
  await signInAt(phone.page, ADMIN.username, ADMIN.password);
  await phone.page.goto(`${world.server.url}/admin/limits`);
  await phone.page.getByRole('button', { name: 'Edit limits of ada' }).click();
  await phone.page.getByRole('button', { name: 'Save limits of ada' }).waitFor();
  await phone.screenshot('4-admin-limits-dark');

  expect(phone.problems).toEqual([]);
  expect(desktop.problems).toEqual([]);
});

async function signInAt(page: Page, username: string, password: string): Promise<void> {
  await page.goto(world.server.url);
  await page.waitForURL((url) => url.pathname === '/login');
  await signIn(page, username, password);
  await page.getByLabel('Message').waitFor();
}

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByLabel('Message').fill(text);
  await page.getByRole('button', { name: 'Send' }).click();
}

async function showsCharts({ page }: WatchedPage): Promise<void> {
  await page.getByRole('heading', { name: 'Spent over the month' }).waitFor();
  await expect.poll(() => page.locator('.daily svg rect').count()).toBeGreaterThan(3);
  await expect.poll(() => page.locator('.cumulative svg path').count()).toBeGreaterThan(0);
  await expect.poll(() => page.locator('.gauge svg path').count()).toBeGreaterThan(1);
}

/** Spending on most days of last month and of this month so far, across three models. */
async function seedHistory(file: string, userId: string): Promise<void> {
  const localId = Number(Buffer.from(userId, 'base64').toString().split(':')[1]);
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(file, (error) => (error ? reject(error) : resolve(opened)));
  });
  db.configure('busyTimeout', 5_000);
  const run = (sql: string, params: unknown[]) =>
    new Promise<void>((resolve, reject) =>
      db.run(sql, params, (error) => (error ? reject(error) : resolve())),
    );
  const today = new Date();
  const days: string[] = [];
  const cursor = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 1, 1));
  const todayText = today.toISOString().slice(0, 10);
  for (
    ;
    cursor.toISOString().slice(0, 10) < todayText;
    cursor.setUTCDate(cursor.getUTCDate() + 1)
  ) {
    days.push(cursor.toISOString().slice(0, 10));
  }
  for (const [index, day] of days.entries()) {
    if (index % 7 === 5) continue; // a day off now and then
    // A week's rhythm with a few heavy days: some pass the daily limit of €1.50.
    const euros = 0.25 + ((index * 37) % 11) / 10 + (index % 9 === 3 ? 0.9 : 0);
    const shares = [
      ['claude-sonnet-5-5', 0.7],
      ['claude-opus-5-5', index % 3 === 0 ? 0.25 : 0],
      ['claude-haiku-5-5', 0.05],
    ] as const;
    for (const [model, share] of shares) {
      if (share === 0) continue;
      const nanos = Math.round(euros * share * 1e9);
      await run(
        `insert into usage_records (user_id, day, model, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, calls, cost_nanos)
         values (?, ?, ?, ?, ?, 0, 0, ?, ?)`,
        [localId, day, model, Math.round(nanos / 3000), Math.round(nanos / 15000), 3, nanos],
      );
    }
  }
  await new Promise<void>((resolve, reject) => db.close((e) => (e ? reject(e) : resolve())));
}

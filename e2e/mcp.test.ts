import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it, onTestFailed } from 'vitest';
import { fixtureStdio } from '../server/test/fixtures/mcp/fixture.ts';
import { startChatWorld, type ChatWorld } from '../server/test/helpers/chat.ts';
import { ADMIN } from '../server/test/helpers/graphql.ts';
import {
  clientDir,
  DESKTOP,
  launchBrowser,
  openPage,
  PHONE,
  requireClientBuild,
} from './helpers/browser.ts';
import { signIn } from './helpers/flows.ts';

let world: ChatWorld;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  requireClientBuild();
  dir = mkdtempSync(join(tmpdir(), 'claude-rasp-e2e-mcp-'));
  world = await startChatWorld({}, { clientDir });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await world?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('the admin adds a stdio server, sees the exact command line, then CONNECTED and its tools', async () => {
  const admin = await openPage(browser, DESKTOP, 'mcp-desktop');
  onTestFailed(() => admin.screenshot('failed'));
  const { page } = admin;
  await page.goto(`${world.server.url}/login`);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByLabel('Message').waitFor();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'MCP' }).click();
  await page.waitForURL((url) => url.pathname === '/admin/mcp');
  await page.getByText('No servers yet.').waitFor();
  await admin.screenshot('1-empty');

  const { command, args } = fixtureStdio();
  const form = page.getByRole('region', { name: 'Add a server' });
  await form.getByLabel('Name').fill('fixture');
  await form.getByRole('radio', { name: /^Command/ }).check();
  await form.getByRole('textbox', { name: 'Command' }).fill(command);
  await form.getByLabel('Arguments').fill(args.join('\n'));
  await form.getByRole('button', { name: 'Add one' }).click();
  await form.getByLabel('Environment variables: name 1').fill('API_TOKEN');
  await form.getByLabel('Environment variables: value 1').fill('a-very-secret-token-1234');
  const line = form.getByTestId('command-line');
  await line.getByText(`API_TOKEN=••••1234 ${command} --import`).waitFor();
  expect(await line.textContent()).toBe(`API_TOKEN=••••1234 ${[command, ...args].join(' ')}`);
  await form.getByText(`Program found at ${command}.`).waitFor();
  await admin.screenshot('2-form');

  await form.getByRole('button', { name: 'Add server' }).click();
  await form.getByText('fixture was added.').waitFor();
  const card = page.getByTestId('mcp-server').filter({ hasText: 'fixture' });
  await card.getByTestId('server-state').getByText('Connected').waitFor();
  await card.getByText('8 tools', { exact: true }).click();
  await card.getByText('weather.today').waitFor();
  await card.getByText('Claude sees fixture__weather_today').waitFor();
  await card
    .getByText(
      /^Returns the text it is given, unchanged\. .* so that the admin page can show it in full\.$/,
    )
    .waitFor();
  expect(await page.content()).not.toContain('a-very-secret-token-1234');
  await admin.screenshot('3-connected');

  await card.getByRole('button', { name: 'Test' }).click();
  await card.getByText('fixture answered: 8 tools.').waitFor();

  // Editing keeps a secret it never shows: its field is empty, with the masked value as a hint.
  await card.getByRole('button', { name: 'Edit' }).click();
  const edit = card.getByRole('form', { name: 'Edit fixture' });
  const secret = edit.getByLabel('Environment variables: value 1');
  expect(await secret.inputValue()).toBe('');
  expect(await secret.getAttribute('placeholder')).toBe('unchanged (••••1234)');
  await edit.getByRole('radio', { name: 'Run it right away' }).check();
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await card.getByText('runs without asking').waitFor();
  await card.getByTestId('server-state').getByText('Connected').waitFor();
  await card.getByRole('button', { name: 'Edit' }).click();
  await card
    .getByRole('form', { name: 'Edit fixture' })
    .getByRole('radio', { name: /^Ask the user first/ })
    .check();
  await card.getByRole('button', { name: 'Save changes' }).click();
  await card.getByText('runs without asking').waitFor({ state: 'detached' });

  // A command that does not exist shows why, live.
  await form.getByLabel('Name').fill('ghost');
  await form.getByRole('textbox', { name: 'Command' }).fill('no-such-mcp-server');
  await form.getByText('The server cannot find no-such-mcp-server in its PATH').waitFor();
  await form.getByRole('button', { name: 'Add server' }).click();
  const ghost = page.getByTestId('mcp-server').filter({ hasText: 'ghost' });
  await ghost.getByText('Command not found: no-such-mcp-server').waitFor();
  await ghost.getByTestId('server-state').getByText('Error').waitFor();
  await admin.screenshot('4-error');

  const phone = await openPage(browser, PHONE, 'mcp-phone');
  await phone.page.goto(`${world.server.url}/login`);
  await signIn(phone.page, ADMIN.username, ADMIN.password);
  await phone.page.getByLabel('Message').waitFor();
  await phone.page.goto(`${world.server.url}/admin/mcp`);
  await phone.page.getByTestId('mcp-server').first().waitFor();
  await phone.page.getByText('8 tools', { exact: true }).click();
  await phone.screenshot('1-servers');

  await ghost.getByRole('button', { name: 'Delete' }).click();
  await ghost.getByRole('button', { name: 'Delete server' }).click();
  await ghost.waitFor({ state: 'detached' });
  expect(admin.problems).toEqual([]);
  expect(phone.problems).toEqual([]);
});

it('a reply that calls a tool shows the call inline, asks first, then shows its output', async () => {
  const watched = await openPage(browser, DESKTOP, 'mcp-chat');
  onTestFailed(() => watched.screenshot('failed'));
  const { page } = watched;
  world.fake.script(
    {
      text: 'Let me add those with the **fixture** tool.',
      toolUses: [{ name: 'fixture__add', input: { a: 2, b: 3 } }],
      chunkSize: 8,
      deltaDelayMs: 20,
    },
    { text: 'The sum is **5**.', chunkSize: 4, deltaDelayMs: 20 },
  );
  await page.goto(`${world.server.url}/login`);
  await signIn(page, ADMIN.username, ADMIN.password);
  await page.getByRole('button', { name: 'New conversation' }).click();
  await page.getByLabel('Message').fill('What is 2 + 3?');
  await page.getByRole('button', { name: 'Send' }).click();

  // The fixture server asks first (the default): the call waits, with its input shown.
  const call = page.getByTestId('tool-call');
  await call.getByText('Waiting for your approval').waitFor();
  await call.getByText('"a": 2').waitFor();
  await watched.screenshot('1-approval');
  await call.getByRole('button', { name: 'Approve' }).click();

  await page.getByText('The sum is').waitFor();
  await call.getByText('Done', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Stop' }).waitFor({ state: 'detached' });
  await call.getByText('add', { exact: true }).click(); // expands the call
  await call.getByText('Output').waitFor();
  expect(await call.locator('pre').last().textContent()).toBe('5');
  await watched.screenshot('2-done');

  // The tools can be switched off for this conversation.
  await page.getByRole('button', { name: /^Tools in this conversation: 1 of 1/ }).click();
  const fixtureSwitch = page.getByRole('checkbox', { name: /fixture/ });
  await fixtureSwitch.uncheck();
  await page.getByRole('button', { name: /^Tools in this conversation: 0 of 1/ }).waitFor();
  await watched.screenshot('3-switches');
  await page.keyboard.press('Escape');

  const phone = await openPage(browser, PHONE, 'mcp-chat-phone');
  onTestFailed(() => phone.screenshot('failed'));
  await phone.page.goto(`${world.server.url}/login`);
  await signIn(phone.page, ADMIN.username, ADMIN.password);
  await phone.page.getByLabel('Message').waitFor();
  await phone.page.goto(page.url());
  await phone.page.getByTestId('tool-call').getByText('Done', { exact: false }).waitFor();
  await phone.page.getByTestId('tool-call').getByText('add', { exact: true }).click();
  await phone.screenshot('1-reply');
  expect(watched.problems).toEqual([]);
  expect(phone.problems).toEqual([]);
});

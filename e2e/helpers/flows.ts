import type { Page } from 'playwright-core';

/** Fills the sign-in form and sends it; the caller waits for whichever outcome it expects. */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, signIn, startTestServer, type TestServer } from './harness';
import { newRider, waitSaved } from './sync-helpers';

describe.skipIf(!hasChromium)('account security in the rider app', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  async function phoneSignedIn(rider: { email: string; password: string }) {
    const tab = await openPage(browser);
    contexts.push(tab.context);
    await tab.page.goto(`${server.url}/`);
    await signIn(tab.page, rider.email, rider.password);
    await waitSaved(tab.page);
    return tab.page;
  }

  it('lists both phones, signs the other one out from here, and changes the password', async () => {
    const rider = await newRider(server.url);
    const mine = await phoneSignedIn(rider);
    const other = await phoneSignedIn(rider);
    await mine.reload();
    const devices = mine.getByTestId('sessions').locator('li');
    // Both phones, and the sign-up made from the test itself (no app named).
    await expect.poll(() => devices.count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => mine.getByTestId('sessions').getByText('This device').count()).toBe(1);

    const otherPhone = devices
      .and(mine.locator(':not([data-current])'))
      .filter({ hasText: 'KigaliGo rider app' });
    await otherPhone.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => devices.count(), { timeout: 10_000 }).toBe(2);
    // The other phone's token is refused at once; its one refresh fails too, so it lands on sign-in.
    await other.reload();
    // Exact: the account page (shown from the device until the refusal lands) also has "… password" fields.
    await other.getByLabel('Password', { exact: true }).waitFor({ timeout: 15_000 });

    const form = mine.getByRole('form', { name: 'Change password' });
    await form.getByLabel('Current password').fill(rider.password);
    await form.getByLabel('New password').fill('password');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form
      .getByText('This password is too easy to guess.', { exact: false })
      .waitFor({ timeout: 10_000 });
    await form.getByLabel('New password').fill('three quiet hills of Kigali');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('Password changed.', { exact: false }).waitFor({ timeout: 10_000 });
  });
});

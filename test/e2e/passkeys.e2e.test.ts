import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  desktop,
  hasChromium,
  launchBrowser,
  openPage,
  signIn,
  startTestServer,
  type TestServer,
} from './harness';
import { newRider, newStaff } from './sync-helpers';

/**
 * Passkeys in the apps, with Chromium's DevTools virtual authenticator standing in for the phone's (a platform
 * authenticator that verifies the user, as fingerprint or screen lock would). WebAuthn does not accept an IP
 * address as the site, so the pages are opened at localhost.
 */
describe.skipIf(!hasChromium)('passkeys in the apps', () => {
  let server: TestServer;
  let browser: Browser;
  let site: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    site = server.url.replace('127.0.0.1', 'localhost');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  /** A page at `path` on a device with a passkey authenticator. */
  async function deviceWithAuthenticator(path: string, viewport?: typeof desktop) {
    const t = await openPage(browser, viewport);
    contexts.push(t.context);
    const cdp = await t.context.newCDPSession(t.page);
    await cdp.send('WebAuthn.enable');
    const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
      options: {
        protocol: 'ctap2',
        transport: 'internal',
        hasResidentKey: true,
        hasUserVerification: true,
        isUserVerified: true,
        automaticPresenceSimulation: true,
      },
    });
    await t.page.goto(`${site}${path}`);
    return { page: t.page, cdp, authenticatorId };
  }

  const credentials = async (cdp: CDPSession, authenticatorId: string) =>
    (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;

  const card = (page: Page) =>
    page.locator('section.kg-card', { has: page.getByRole('heading', { name: 'Two-step sign-in' }) });

  async function saveCodes(page: Page) {
    const list = page.getByTestId('recovery-codes').locator('code');
    await expect.poll(() => list.count(), { timeout: 10_000 }).toBe(10);
    await page.getByLabel('I have saved my recovery codes').check();
    await page.getByRole('button', { name: 'Done' }).click();
  }

  async function signOut(page: Page) {
    await page
      .locator('section.kg-card', { has: page.getByRole('heading', { name: 'Settings' }) })
      .getByRole('button', { name: 'Sign out' })
      .click();
    await page.getByLabel('Password', { exact: true }).waitFor({ timeout: 10_000 });
  }

  it('a rider adds a passkey, signs in with it alone, uses it as the second step, and removes it', async () => {
    const rider = await newRider(server.url);
    const { page, cdp, authenticatorId } = await deviceWithAuthenticator('/');
    await signIn(page, rider.email, rider.password);
    await card(page).getByRole('button', { name: 'Add a passkey' }).click({ timeout: 20_000 });
    // The first factor on the account brings recovery codes, shown once.
    await saveCodes(page);
    await expect
      .poll(() => card(page).getByTestId('passkeys').locator('li').count(), { timeout: 10_000 })
      .toBe(1);
    expect(await card(page).getByTestId('mfa-state').textContent()).toContain('passkey');
    const [made] = await credentials(cdp, authenticatorId);
    expect(made?.isResidentCredential).toBe(true);
    expect(made?.rpId).toBe('localhost');

    // Passwordless: no email typed, the device's passkey is enough.
    await signOut(page);
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await card(page).getByTestId('passkeys').waitFor({ timeout: 20_000 });

    // Password first: the second step offers the passkey.
    await signOut(page);
    await signIn(page, rider.email, rider.password);
    await page.getByRole('heading', { name: 'Enter your sign-in code' }).waitFor({ timeout: 10_000 });
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    await card(page).getByTestId('passkeys').waitFor({ timeout: 20_000 });
    // Two signatures, each counted by the authenticator.
    expect((await credentials(cdp, authenticatorId))[0]?.signCount).toBe(made!.signCount + 2);
    await expect
      .poll(() => card(page).getByTestId('passkeys').textContent(), { timeout: 10_000 })
      .not.toContain('Not used yet');

    // Removing it asks for the password; then the password alone signs in again.
    await card(page).getByRole('button', { name: 'Remove' }).click();
    const form = card(page).getByRole('form', { name: 'Remove' });
    await form.getByLabel('Your password').fill('not my password');
    await form.getByRole('button', { name: 'Remove' }).click();
    await form.getByText('This is not your password.').waitFor({ timeout: 10_000 });
    await form.getByLabel('Your password').fill(rider.password);
    await form.getByRole('button', { name: 'Remove' }).click();
    await card(page).getByTestId('passkeys').waitFor({ state: 'detached', timeout: 10_000 });
    expect(await card(page).getByTestId('mfa-state').textContent()).toContain('Off');
    await signOut(page);
    // The device still holds the passkey, but the account no longer knows it.
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await page
      .getByText('This passkey is not recognised here.', { exact: false })
      .waitFor({ timeout: 10_000 });
    await signIn(page, rider.email, rider.password);
    await card(page).waitFor({ timeout: 20_000 });
  });

  it('an admin who must have a second factor can set up a passkey instead of an authenticator app', async () => {
    const { email, password } = await newStaff(server.url, 'admin', 'Keys Admin');

    const { page } = await deviceWithAuthenticator('/admin/', desktop);
    await signIn(page, email, password);
    const enrol = page.getByRole('heading', { name: 'Set up two-step sign-in' });
    await enrol.waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Use a passkey instead' }).click();
    await saveCodes(page);
    await enrol.waitFor({ state: 'detached', timeout: 20_000 });
    const stored = JSON.parse(
      (await page.evaluate(() => localStorage.getItem('kigaligo.admin.session')))!,
    ) as { accessToken: string; mfaEnrolmentRequired?: boolean };
    expect(stored.mfaEnrolmentRequired).toBeUndefined();
    const audit = await fetch(`${server.url}/api/admin/audit?action=auth.passkey_added`, {
      headers: { authorization: `Bearer ${stored.accessToken}` },
    });
    expect(audit.status).toBe(200);
  });
});

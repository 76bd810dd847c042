import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestOidcProvider, TEST_CLIENT } from '../../sync-server/src/test-support/oidc-provider';
import { freePort } from '../../sync-server/test/server-process';
import { hasChromium, launchBrowser, openPage, startTestServer, type TestServer } from './harness';

// Issue 16: riders sign in with an identity provider (OpenID Connect) — here a real provider (oidc-provider)
// on this machine, through its own login and consent pages — and come back to the app signed in.
describe.skipIf(!hasChromium)('sign in with an identity provider in Chromium', () => {
  let provider: Awaited<ReturnType<typeof startTestOidcProvider>>;
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    const port = await freePort();
    // As the browser reaches the test server (the sign-in cookie lives on that host).
    const origin = `http://localhost:${port}`;
    provider = await startTestOidcProvider([`${origin}/api/auth/oidc/callback`], {
      'e2e-rider': { email: 'e2e-provider@example.rw', emailVerified: true, name: 'Provider Rider' },
      'not-verified': { email: 'not-verified@example.rw', emailVerified: false },
    });
    [server, browser] = await Promise.all([
      startTestServer(undefined, {
        port,
        publicUrl: origin,
        oidc: { issuer: provider.issuer, ...TEST_CLIENT, name: 'Test ID' },
      }),
      launchBrowser(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await provider?.close();
  });

  const viaProvider = async (login: string) => {
    const { page, context } = await openPage(browser);
    // The provider's development pages link a web font: nothing may leave the machine.
    await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
    await page.goto(`${server.url}/`);
    await page.getByRole('link', { name: 'Continue with Test ID' }).click();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.getByRole('button', { name: 'Continue' }).click();
    return { page, context };
  };

  it('signs a new rider in through the provider and keeps no code in the address bar', async () => {
    const { page, context } = await viaProvider('e2e-rider');
    await page.getByText('Your trips').waitFor();
    expect(page.url()).toBe(`${server.url}/`);
    // No password to change yet: the account's first password comes through an emailed link.
    const setPassword = page.getByRole('region', { name: 'Set a password' });
    await setPassword.getByRole('button', { name: 'Email me a link' }).click();
    await setPassword.getByText('Link sent to e2e-provider@example.rw').waitFor();
    expect(await page.getByLabel('Current password').count()).toBe(0);
    await context.close();
  });

  it('explains a refusal: the provider had not verified the email', async () => {
    const { page, context } = await viaProvider('not-verified');
    await page.getByText('The provider has not verified your email address').waitFor();
    await page.getByLabel('Email').waitFor();
    await context.close();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, signIn, startTestServer, type TestServer } from './harness';

interface StoredSession {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}
const key = 'kigaligo.driver.session';
const read = (page: Page) =>
  page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? 'null') as StoredSession | null, key);
const patch = (page: Page, change: Partial<StoredSession>) =>
  page.evaluate(
    ([k, c]) => localStorage.setItem(k, JSON.stringify({ ...JSON.parse(localStorage.getItem(k)!), ...c })),
    [key, change] as const,
  );

describe.skipIf(!hasChromium)('the stored session', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('refreshes a rejected access token once, stores the rotated refresh token, and signs out when refresh fails', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/driver/`);
    await signIn(page, 'driver@demo.kigaligo.rw', 'kigali-driver');
    await page.getByText('Off duty').waitFor();
    const first = (await read(page))!;

    // The server no longer accepts the access token, though the device clock thinks it is still valid.
    await patch(page, { accessToken: 'not-a-valid-token' });
    const refreshed = page.waitForResponse(
      (r) => r.url().endsWith('/api/auth/refresh') && r.status() === 200,
    );
    const me = page.waitForResponse((r) => r.url().endsWith('/api/me') && r.status() === 200);
    await page.reload();
    await Promise.all([refreshed, me]);
    await page.getByText('Off duty').waitFor();
    const second = (await read(page))!;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe('not-a-valid-token');

    // Both tokens dead (the old refresh token was rotated away): back to the sign-in screen.
    await patch(page, { accessToken: 'not-a-valid-token', refreshToken: first.refreshToken });
    await page.reload();
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
    await expect(read(page)).resolves.toBeNull();
    await context.close();
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, signIn, startTestServer, type TestServer } from './harness';
import { field, newRider, savePlaces, secondDevice, status, syncDiagnosis, waitSaved } from './sync-helpers';

// The rider app's own API calls (profile, notification preferences, push registration) would meet the bad token
// first and refresh (or sign out) before the socket does; these tests are about the socket.
const accountRequests = ['**/api/me', '**/api/me/**', '**/api/push/**'];
const blockAccountRequests = async (page: Page) => {
  for (const url of accountRequests) await page.route(url, (route) => route.abort());
};

describe.skipIf(!hasChromium)('sync engine: refused tokens', () => {
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

  async function signedIn() {
    const rider = await newRider(server.url);
    const tab = await openPage(browser);
    contexts.push(tab.context);
    await tab.page.goto(`${server.url}/`);
    await signIn(tab.page, rider.email, rider.password);
    await waitSaved(tab.page);
    return { rider, ...tab };
  }

  it('refreshes a refused access token once to get a socket ticket; no token ever goes into a socket URL', async () => {
    const { rider, page } = await signedIn();
    const key = 'kigaligo.rider.session';
    await page.evaluate(
      (k) =>
        localStorage.setItem(
          k,
          JSON.stringify({ ...JSON.parse(localStorage.getItem(k)!), accessToken: 'not-a-valid-token' }),
        ),
      key,
    );
    // Keep the profile, notification and push requests from refreshing first: the ticket request's 401 must be
    // what triggers the refresh.
    await blockAccountRequests(page);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    let refreshes = 0;
    page.on('response', (r) => {
      if (r.url().endsWith('/api/auth/refresh') && r.status() === 200) refreshes++;
    });
    await page.reload();
    await waitSaved(page);
    expect(sockets.length).toBeGreaterThan(0);
    for (const url of sockets) {
      expect(new URL(url).searchParams.get('ticket')).toMatch(/^[\w-]{43}$/);
      expect(url).not.toContain('token');
    }
    expect(refreshes).toBe(1);

    await savePlaces(page, { home: 'Kabeza' });
    await waitSaved(page);
    const other = await secondDevice(browser, server.url, rider);
    contexts.push(other.context);
    await expect
      .poll(() => field(other.page, 'Home').inputValue(), { timeout: 20_000 })
      .toBe('Kabeza')
      .catch(async (err: Error) => {
        const mine = await syncDiagnosis(page);
        throw new Error(
          `${err.message}\nThe other device shows: ${await syncDiagnosis(other.page)}\nThis one: ${mine}`,
        );
      });
  });

  it('stops after a second 4401 and asks to sign in again, keeping the changes made meanwhile', async () => {
    const { rider, page } = await signedIn();
    // Tickets are handed out, but the sockets refuse them (as for a session ended between the two steps).
    await page.route('**/api/sync/ticket', (route) =>
      route.fulfill({ json: { ticket: 'A'.repeat(43), expiresIn: 30 } }),
    );
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.reload();
    await status(page).getByText('Sign in again to save your changes').waitFor();
    await savePlaces(page, { home: 'Kagugu' });
    await status(page).getByText('1 change not sent yet. Your changes are kept on this device.').waitFor();
    await page.waitForTimeout(1_500);
    expect(sockets).toHaveLength(2);

    await page.unroute('**/api/sync/ticket');
    await status(page).getByRole('button', { name: 'Sign in again' }).click();
    await signIn(page, rider.email, rider.password);
    await waitSaved(page);
    const other = await secondDevice(browser, server.url, rider);
    contexts.push(other.context);
    await expect.poll(() => field(other.page, 'Home').inputValue(), { timeout: 20_000 }).toBe('Kagugu');
  });
});

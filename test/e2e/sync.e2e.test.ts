import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchBrowser,
  openPage,
  type RestartableServer,
  signIn,
  startRestartableServer,
  waitForServiceWorker,
} from './harness';
import {
  expectPlaces,
  field,
  newRider,
  savePlaces,
  secondDevice,
  status,
  syncDiagnosis,
  waitSaved,
} from './sync-helpers';

describe.skipIf(!hasChromium)('sync engine: offline, restarts, tabs', () => {
  let server: RestartableServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [server, browser] = await Promise.all([startRestartableServer(), launchBrowser()]);
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

  it('saves an online edit to the server: "All changes saved", and another device sees it', async () => {
    const { rider, page, errors } = await signedIn();
    await savePlaces(page, { home: 'Kimironko, near the market', work: 'Kigali Heights' });
    await waitSaved(page);
    await status(page)
      .getByText(/^Last saved \d{2}:\d{2}$/)
      .waitFor();

    const other = await secondDevice(browser, server.url, rider);
    contexts.push(other.context);
    await expectPlaces(other.page, 'Kimironko, near the market', 'Kigali Heights');
    expect(errors).toEqual([]);
  });

  it('keeps edits made offline (context offline) through a reload and sends them when back online', async () => {
    const { rider, page, context } = await signedIn();
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await status(page).and(page.locator('[data-sync-state="offline"]')).waitFor();
    await savePlaces(page, { home: 'Remera' });
    await status(page).getByText('1 change not sent yet').waitFor();
    await savePlaces(page, { work: 'Nyabugogo bus park' });
    await status(page).getByText('2 changes not sent yet').waitFor();
    await status(page).getByText('Offline — changes are kept on this device').waitFor();

    await page.reload();
    await status(page).getByText('2 changes not sent yet').waitFor();
    await expectPlaces(page, 'Remera', 'Nyabugogo bus park');

    await context.setOffline(false);
    await waitSaved(page);
    const other = await secondDevice(browser, server.url, rider);
    contexts.push(other.context);
    await expectPlaces(other.page, 'Remera', 'Nyabugogo bus park');
  });

  it('keeps edits made while the server is down through a reload and saves them after it restarts', async () => {
    const { rider, page } = await signedIn();
    await waitForServiceWorker(page);
    await server.stop();
    await status(page).and(page.locator('[data-sync-state="offline"]')).waitFor();
    await savePlaces(page, { home: 'Gikondo', work: 'Kacyiru' });
    await status(page).getByText('1 change not sent yet').waitFor();

    await page.reload();
    await status(page).getByText('1 change not sent yet').waitFor();
    await expectPlaces(page, 'Gikondo', 'Kacyiru');

    await server.restart();
    await waitSaved(page);
    const other = await secondDevice(browser, server.url, rider);
    contexts.push(other.context);
    await expectPlaces(other.page, 'Gikondo', 'Kacyiru');
  });

  it('loses nothing when the tab is closed right after an edit', async () => {
    const { page, context } = await signedIn();
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await status(page).and(page.locator('[data-sync-state="offline"]')).waitFor();
    await savePlaces(page, { home: 'Kiyovu' });
    await page.close();
    const reopened = await context.newPage();
    await reopened.goto(`${server.url}/`);
    await expectPlaces(reopened, 'Kiyovu', '');
    await status(reopened).getByText('1 change not sent yet').waitFor();
    await context.setOffline(false);
    await waitSaved(reopened);
  });

  it('asks before signing out with changes not sent, and signs out by itself once they are sent', async () => {
    const { rider, page, context } = await signedIn();
    await waitForServiceWorker(page);
    await page
      .getByTestId('storage-usage')
      .getByText(/\d (KB|MB)$/)
      .waitFor();
    await context.setOffline(true);
    await status(page).and(page.locator('[data-sync-state="offline"]')).waitFor();
    await savePlaces(page, { home: 'Kimihurura' });
    await status(page).getByText('1 change not sent yet').waitFor();

    // The settings card's button (the sessions card has its own per-session ones).
    const settings = page.locator('section', { has: page.getByRole('heading', { name: 'Settings' }) });
    await settings.getByRole('button', { name: 'Sign out', exact: true }).click();
    const ask = page.getByTestId('signout-unsent');
    await ask.getByText('1 change not sent yet').waitFor();
    // Changing one's mind keeps the session.
    await ask.getByRole('button', { name: 'Stay signed in' }).click();
    await settings.getByRole('button', { name: 'Sign out', exact: true }).click();
    await ask.getByRole('button', { name: 'Sign out when sent' }).click();
    await ask.getByText('You will be signed out as soon as they are sent. Keep the app open.').waitFor();
    // Still offline: still signed in, the change still here.
    await page.waitForTimeout(1000);
    expect(await page.getByRole('button', { name: 'Sign in', exact: true }).count()).toBe(0);

    await context.setOffline(false);
    await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor({ timeout: 30_000 });
    // It was sent before the session ended.
    const other = await secondDevice(browser, server.url, rider);
    contexts.push(other.context);
    await expectPlaces(other.page, 'Kimihurura', '');
  });

  it("saves the driver's availability and shows it on their other device", async () => {
    const driver = { email: 'driver@demo.kigaligo.rw', password: 'kigali-driver' };
    const open = async () => {
      const tab = await openPage(browser);
      contexts.push(tab.context);
      await tab.page.goto(`${server.url}/driver/`);
      await signIn(tab.page, driver.email, driver.password);
      await waitSaved(tab.page);
      return tab.page;
    };
    const phone = await open();
    await phone.getByRole('button', { name: 'Start shift' }).click();
    await phone.getByText('Available', { exact: true }).waitFor();
    // A pause during the shift: the one status says off duty, still on shift with the vehicle.
    await phone.getByRole('button', { name: 'Stop taking rides' }).click();
    await phone.getByText('Off duty', { exact: true }).waitFor();
    await phone.getByText('On shift with', { exact: false }).waitFor();
    await waitSaved(phone);
    const other = await open();
    // On shift (from the server) and paused (from the synced switch): before the switch syncs it says Available.
    await other
      .locator('[data-testid="driver-status"][data-status="off_duty"]', { hasText: 'On shift with' })
      .waitFor()
      .catch(async (err: Error) => {
        throw new Error(`${err.message}\nThe other device shows: ${await syncDiagnosis(other)}`);
      });
    await other.getByRole('button', { name: 'Start taking rides' }).click();
    await phone.getByText('Available', { exact: true }).waitFor({ timeout: 20_000 });
  });

  it('converges two tabs of the same rider editing at once', async () => {
    const { page, context } = await signedIn();
    const tab2 = await context.newPage();
    await tab2.goto(`${server.url}/`);
    await waitSaved(tab2);
    await Promise.all([
      savePlaces(page, { home: 'Kicukiro centre' }),
      savePlaces(tab2, { work: 'Kimihurura' }),
    ]);
    await expectPlaces(page, 'Kicukiro centre', 'Kimihurura');
    await expectPlaces(tab2, 'Kicukiro centre', 'Kimihurura');
    // Both writing the same key at once: both tabs settle on the same winner.
    await Promise.all([savePlaces(page, { home: 'Nyamirambo' }), savePlaces(tab2, { home: 'Kanombe' })]);
    await waitSaved(page);
    await waitSaved(tab2);
    const winner = await field(page, 'Home').inputValue();
    expect(['Nyamirambo', 'Kanombe']).toContain(winner);
    await expectPlaces(tab2, winner, 'Kimihurura');
  });
});

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startTestServer,
  type TestServer,
  waitForServiceWorker,
} from './harness';
import { nextWeekdayMorning, pickPlace } from './planner-helpers';
import { newRider, secondDevice, waitSaved } from './sync-helpers';

describe.skipIf(!hasChromium)('rider trip planner', () => {
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

  it('plans Nyabugogo → Kimironko offline, draws it on the map, and saves it to the rider’s other devices', async () => {
    const rider = await newRider(server.url);
    const { context, page, errors } = await openPage(browser);
    contexts.push(context);
    await page.goto(`${server.url}/`);
    await signIn(page, rider.email, rider.password);
    await waitSaved(page);
    await waitForServiceWorker(page);

    // Everything from here on comes from the device: the precache, IndexedDB and the planner worker.
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('button', { name: /Plan a trip/ }).click();
    await pickPlace(page, 'From', 'nyabugo', /^Nyabugogo Bus Park/);
    await pickPlace(page, 'To', 'Kimirnko', /^Kimironko Bus Terminal/);
    // A weekday morning, so the answer does not depend on when the suite runs.
    await page.getByRole('button', { name: 'Depart at' }).click();
    await page.getByLabel('Date and time').fill(nextWeekdayMorning());

    const first = page.getByTestId('itinerary').first();
    await first.waitFor({ timeout: 30_000 });
    await expect.poll(() => first.locator('.kg-itin-fare').textContent()).toMatch(/^RWF \d[\d,]*$/);
    expect(await page.getByTestId('itinerary').count()).toBeGreaterThanOrEqual(1);
    const byBus = page
      .getByTestId('itinerary')
      .filter({ has: page.locator('.kg-chip--transit') })
      .first();
    await byBus.locator('.kg-itin-summary').click();
    const busLeg = byBus.locator('.kg-legs [data-mode="bus"]').first();
    await busLeg.waitFor();
    expect(await busLeg.textContent()).toMatch(/Bus \d{3} towards/);

    // The map: MapLibre's WebGL canvas, drawn (a blank canvas compresses to a few hundred bytes).
    const map = page.locator('.kg-map[data-ready="true"]');
    await map.waitFor({ timeout: 30_000 });
    const canvas = map.locator('canvas.maplibregl-canvas');
    expect(await canvas.evaluate((c: HTMLCanvasElement) => c.width * c.height)).toBeGreaterThan(0);
    // The bus leg is drawn from its geometry along the road, not stop to stop: MapLibre's itinerary source
    // holds far more positions than the stops ridden ("… · N stops" counts the stops after boarding).
    const stops = Number((await busLeg.textContent())!.match(/· (\d+) stops/)![1]) + 1;
    await expect
      .poll(async () => Number(await map.getAttribute('data-itinerary-points')), { timeout: 10_000 })
      .toBeGreaterThan(Math.max(20, 3 * stops));
    await page.waitForTimeout(800); // fitBounds animation
    expect(
      (await map.screenshot({ path: join(tmpdir(), 'kigaligo-planner-map.png') })).length,
    ).toBeGreaterThan(8000);
    await screenshot(page, 'planner-offline');

    await page.getByRole('button', { name: 'Save route' }).click();
    const saved = page.getByTestId('saved-routes');
    const name = 'Nyabugogo Bus Park → Kimironko Bus Terminal';
    await saved.getByText(name).waitFor();
    await saved.getByText('On this phone').waitFor();

    await context.setOffline(false);
    await saved.getByText('Synced').waitFor({ timeout: 30_000 });

    const other = await secondDevice(browser, server.url, rider);
    contexts.push(other.context);
    await other.page.getByRole('button', { name: /Plan a trip/ }).click();
    const otherSaved = other.page.getByTestId('saved-routes');
    await otherSaved.getByText(name).waitFor({ timeout: 20_000 });
    await screenshot(other.page, 'planner-second-device');

    // Deleting on one device removes it everywhere.
    await other.page.getByRole('button', { name: `Delete ${name}` }).click();
    await page.getByText('Routes you save appear here').waitFor({ timeout: 20_000 });

    const unexpected = errors.filter(
      (e) => !/ERR_INTERNET_DISCONNECTED|WebSocket|Failed to load resource/.test(e),
    );
    expect(unexpected).toEqual([]);
  });

  it('plans from the phone’s location to a place named in Kinyarwanda, arriving by a time', async () => {
    const rider = await newRider(server.url);
    const { context, page, errors } = await openPage(browser);
    contexts.push(context);
    await context.grantPermissions(['geolocation'], { origin: server.url });
    await context.setGeolocation({ latitude: -1.9367, longitude: 30.0814 }); // Kacyiru
    await page.goto(`${server.url}/#/plan`);
    await signIn(page, rider.email, rider.password);
    await page.getByRole('button', { name: 'My location' }).click();
    await page.getByText(/^Near Kacyiru/).waitFor();
    await pickPlace(page, 'To', 'sitade amahoro', /^Amahoro Stadium/);
    await page.getByRole('button', { name: 'Arrive by' }).click();
    await page.getByLabel('Date and time').fill(nextWeekdayMorning());
    const first = page.getByTestId('itinerary').first();
    await first.waitFor({ timeout: 30_000 });
    // Arrive by 08:00: every option gets there in time.
    for (const t of await page.locator('.kg-itin-times').allTextContents()) {
      expect(t.slice(-5) <= '08:00', t).toBe(true);
    }
    await screenshot(page, 'planner-arrive-by');
    expect(errors).toEqual([]);
  });
});

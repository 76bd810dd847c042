import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ArchiveServer, serveArchive } from '../map-fixture/archive-server';
import { buildKigaliTestBasemap, TEST_BASEMAP_ATTRIBUTION } from '../map-fixture/kigali-test-basemap';
import { hasChromium, launchBrowser, openPage, signIn, startTestServer, type TestServer } from './harness';
import { newRider } from './sync-helpers';

describe.skipIf(!hasChromium)('vector basemap from a PMTiles archive (MAP_PMTILES_URL)', () => {
  let tiles: ArchiveServer;
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    tiles = await serveArchive(buildKigaliTestBasemap());
    const map = { pmtilesUrl: tiles.url, attribution: '© Test operator' };
    [server, browser] = await Promise.all([startTestServer(undefined, { map }), launchBrowser()]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await tiles?.close();
  });

  it('the rider map draws streets from the archive, with our own glyphs, credits and CSP', async () => {
    const rider = await newRider(server.url);
    const { context, page, errors } = await openPage(browser);
    contexts.push(context);
    const assets: string[] = [];
    page.on('response', (res) => {
      if (res.url().includes('/map/basemap/'))
        assets.push(`${res.status()} ${decodeURIComponent(new URL(res.url()).pathname)}`);
    });
    await page.goto(`${server.url}/#/plan`);
    await signIn(page, rider.email, rider.password);
    await page.locator('.kg-map[data-ready="true"]').waitFor({ timeout: 30_000 });
    // Set by the map after each render settles: street features drawn from the archive's `roads` layer.
    await expect
      .poll(() => page.locator('.kg-map-canvas').getAttribute('data-basemap-roads'), { timeout: 30_000 })
      .toMatch(/^[1-9]\d*$/);
    expect(tiles.requests).toBeGreaterThan(0);
    // Place labels need glyphs and the style needs its sprite: both from our server, never a CDN.
    expect(assets).toContain('200 /map/basemap/fonts/Noto Sans Regular/0-255.pbf');
    expect(assets.some((a) => /^200 \/map\/basemap\/sprites\/light(@2x)?\.json$/.test(a))).toBe(true);
    const credits = page.locator('.maplibregl-ctrl-attrib');
    await expect.poll(() => credits.textContent()).toContain(TEST_BASEMAP_ATTRIBUTION);
    expect(await credits.textContent()).toContain('© Test operator');
    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  });

  it('a download can be cancelled midway and leaves nothing stored', async () => {
    const rider = await newRider(server.url);
    const { context, page } = await openPage(browser);
    contexts.push(context);
    await page.goto(`${server.url}/`);
    await signIn(page, rider.email, rider.password);
    const card = page.getByTestId('offline-map');
    await card.getByRole('button', { name: 'Save the Kigali map for offline' }).click();
    await card.getByRole('button', { name: /^Download / }).waitFor({ timeout: 30_000 });
    tiles.delayMs = 400;
    try {
      await card.getByRole('button', { name: /^Download / }).click();
      // The progress bar shows while it saves; cancel from there.
      await card.locator('progress').waitFor();
      await card.getByRole('button', { name: 'Cancel' }).click();
      await card.getByRole('button', { name: 'Save the Kigali map for offline' }).waitFor();
      await expect.poll(() => page.evaluate(() => caches.has('kigaligo-map-saved'))).toBe(false);
    } finally {
      tiles.delayMs = 0;
    }
  });

  // Last: it stops the archive's server.
  it('"Save the Kigali map for offline" keeps the tiles: with the network off, the map still draws streets', async () => {
    const rider = await newRider(server.url);
    const { context, page } = await openPage(browser);
    contexts.push(context);
    await page.goto(`${server.url}/`);
    await signIn(page, rider.email, rider.password);
    // The service worker must control the page to answer offline: the first install claims it.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    const card = page.getByTestId('offline-map');
    await card.getByRole('button', { name: 'Save the Kigali map for offline' }).click();
    await expect
      .poll(() => card.textContent(), { timeout: 30_000 })
      .toMatch(/This downloads about [\d.]+ MB/);
    await card.getByRole('button', { name: /^Download / }).click();
    await page.locator('[data-testid="offline-map"][data-step="saved"]').waitFor({ timeout: 60_000 });
    expect(await card.textContent()).toMatch(/The Kigali map is saved on this phone \([\d.]+ MB\)/);

    await tiles.close();
    await context.setOffline(true);
    const asked = tiles.requests;
    await page.goto(`${server.url}/#/plan`);
    await page.reload();
    await page.locator('.kg-map[data-ready="true"]').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('.kg-map-canvas').getAttribute('data-basemap-roads'), { timeout: 30_000 })
      .toMatch(/^[1-9]\d*$/);
    expect(tiles.requests).toBe(asked);

    // Removing it frees the space.
    await context.setOffline(false);
    await page.goto(`${server.url}/`);
    await card.getByRole('button', { name: 'Remove the saved map' }).click();
    await card.getByRole('button', { name: 'Save the Kigali map for offline' }).waitFor();
    expect(await page.evaluate(() => caches.has('kigaligo-map-saved'))).toBe(false);
  });
});

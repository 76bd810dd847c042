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
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchBrowser, openPage, signIn, startTestServer, type TestServer } from './harness';
import { newRider } from './sync-helpers';

// A map style on another origin, as MAP_STYLE_URL would name a tile server's: a plain magenta background.
const style = {
  version: 8,
  name: 'Test basemap',
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#ff00ff' } }],
};

describe.skipIf(!hasChromium)('map configured at run time (GET /api/config)', () => {
  let styleServer: Server;
  let styleRequests = 0;
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    styleServer = createServer((req, res) => {
      if (req.url !== '/style.json') return res.writeHead(404).end();
      styleRequests++;
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
      res.end(JSON.stringify(style));
    });
    await new Promise<void>((resolve) => styleServer.listen(0, '127.0.0.1', resolve));
    const { port } = styleServer.address() as AddressInfo;
    const map = { styleUrl: `http://127.0.0.1:${port}/style.json`, attribution: '© Test basemap' };
    [server, browser] = await Promise.all([startTestServer(undefined, { map }), launchBrowser()]);
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
    await new Promise((resolve) => styleServer?.close(resolve));
  });

  it('the rider map draws over the configured style, credits it, and the CSP lets it load', async () => {
    const config = await (await fetch(`${server.url}/api/config`)).json();
    expect(config.map.styleUrl).toMatch(/\/style\.json$/);
    const rider = await newRider(server.url);
    const { context, page, errors } = await openPage(browser);
    contexts.push(context);
    await page.goto(`${server.url}/#/plan`);
    await signIn(page, rider.email, rider.password);
    // data-ready is set on MapLibre's load event, which waits for the style.
    await page.locator('.kg-map[data-ready="true"]').waitFor({ timeout: 30_000 });
    expect(styleRequests).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.maplibregl-ctrl-attrib').textContent())
      .toContain('© Test basemap');
    expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
  });
});

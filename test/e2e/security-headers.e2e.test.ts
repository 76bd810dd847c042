import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  desktop,
  hasChromium,
  launchBrowser,
  openPage,
  phone,
  signIn,
  startTestServer,
  type TestServer,
  waitForServiceWorker,
} from './harness';
import { pickPlace } from './planner-helpers';

/** Records every CSP violation the page (and the workers it starts) reports, from the first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

describe.skipIf(!hasChromium)('the apps under their Content-Security-Policy in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('rider: service worker, planner worker and the MapLibre map run with no violation', async () => {
    const { context, page, errors } = await openPage(browser, phone);
    const violations = await watchViolations(page);
    const res = await page.goto(`${server.url}/`);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    await signIn(page, 'rider@demo.kigaligo.rw', 'kigali-rider');
    await page.getByRole('heading', { level: 1, name: /, Aline$/ }).waitFor();
    await waitForServiceWorker(page);
    // The live map: MapLibre with its blob: worker, WebGL canvas, HTML markers and inline styles.
    await page.goto(`${server.url}/#/live`);
    await page.locator('.kg-live-map[data-ready="true"]').waitFor({ timeout: 30_000 });
    // The planner's module worker answers a query.
    await page.goto(`${server.url}/`);
    await page.getByRole('button', { name: /Plan a trip/ }).click();
    await pickPlace(page, 'From', 'nyabugo', /^Nyabugogo Bus Park/);
    await pickPlace(page, 'To', 'Kimirnko', /^Kimironko Bus Terminal/);
    await page.getByTestId('itinerary').first().waitFor({ timeout: 30_000 });
    expect(await violations()).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    await context.close();
  });

  it.each([
    ['driver', '/driver/', 'driver@demo.kigaligo.rw', 'kigali-driver', phone],
    ['admin', '/admin/', 'admin@demo.kigaligo.rw', 'kigali-admin', desktop],
  ] as const)(
    '%s: signs in and runs its service worker with no violation',
    async (_name, base, email, password, viewport) => {
      const { context, page, errors } = await openPage(browser, viewport);
      const violations = await watchViolations(page);
      await page.goto(server.url + base);
      await signIn(page, email, password);
      await waitForServiceWorker(page);
      if (base === '/admin/') {
        await page.goto(`${server.url}/admin/#/fleet`);
        await page.locator('.kg-live-map[data-ready="true"]').waitFor({ timeout: 30_000 });
      }
      expect(await violations()).toEqual([]);
      expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
      await context.close();
    },
  );

  it('refuses to be framed, even by a page of its own origin', async () => {
    const { context, page } = await openPage(browser, desktop);
    await page.goto(`${server.url}/api/health`);
    await page.setContent(`<iframe id="f" src="${server.url}/admin/"></iframe>`);
    // setContent waits for the load event, which waits for the frame: loaded or blocked, it is done.
    const frame = await (await page.$('#f'))?.contentFrame();
    expect(frame).toBeTruthy();
    // A blocked frame holds Chromium's error page, never the app's document.
    expect(await frame?.evaluate(() => document.title).catch(() => '')).not.toBe('KigaliGo Admin');
    expect(await frame?.$('#root').catch(() => null)).toBeNull();
    await context.close();
  });
});

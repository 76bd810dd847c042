import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchBrowser,
  openPage,
  root,
  screenshot,
  signIn,
  startTestServer,
  type TestServer,
  waitForServiceWorker,
} from './harness';

describe.skipIf(!hasChromium)('service workers', () => {
  let server: TestServer;
  let browser: Browser;
  let appsDir: string;

  beforeAll(async () => {
    // A private copy of the builds, so the test can publish a "new version" without touching apps/*/dist.
    appsDir = await mkdtemp(join(tmpdir(), 'kigaligo-apps-'));
    for (const app of ['rider', 'driver', 'admin']) {
      await cp(join(root, 'apps', app, 'dist'), join(appsDir, app, 'dist'), { recursive: true });
    }
    [server, browser] = await Promise.all([startTestServer(appsDir), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(appsDir, { recursive: true, force: true });
  });

  it('offers "A new version is ready — Reload" and hands over to the new worker on reload', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/driver/`);
    await signIn(page, 'driver@demo.kigaligo.rw', 'kigali-driver');
    await page.getByText('Off duty').waitFor();
    await waitForServiceWorker(page);
    await expect(page.getByText('A new version is ready').count()).resolves.toBe(0);

    // Any byte change to sw.js is a new version to the browser.
    await appendFile(join(appsDir, 'driver', 'dist', 'sw.js'), '\n// next release\n');
    // The build's precompressed copies are what the server sends first; a real release rewrites them with it.
    await rm(join(appsDir, 'driver', 'dist', 'sw.js.br'), { force: true });
    await rm(join(appsDir, 'driver', 'dist', 'sw.js.gz'), { force: true });
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await page.getByText('A new version is ready').waitFor();
    await screenshot(page, 'driver-update-ready');

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
    await page.getByText('Off duty').waitFor();
    const waiting = await page.evaluate(
      async () => (await navigator.serviceWorker.getRegistration())?.waiting,
    );
    expect(waiting).toBeNull();
    await expect(page.getByText('A new version is ready').count()).resolves.toBe(0);
    await context.close();
  });

  it("the rider worker (scope /) leaves the other apps' and the server's navigations to the network", async () => {
    const { context, page } = await openPage(browser);
    await page.goto(server.url);
    await waitForServiceWorker(page);
    await context.setOffline(true);
    // A page per navigation: a failed goto still commits Chrome's error page, which would cut the next one off.
    const offlineGoto = async (path: string) => {
      const tab = await context.newPage();
      try {
        await tab.goto(server.url + path);
        await tab.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
        return true;
      } finally {
        await tab.close();
      }
    };
    for (const path of ['/driver/', '/admin/', '/api/health']) {
      await expect(offlineGoto(path), path).rejects.toThrow(/ERR_INTERNET_DISCONNECTED/);
    }
    // ...while its own routes still open from the precache.
    await expect(offlineGoto('/some/deep/link')).resolves.toBe(true);
    await context.setOffline(false);

    // Online, the driver app then installs its own worker next to the rider's and controls /driver/.
    await page.goto(`${server.url}/driver/`);
    const sw = await waitForServiceWorker(page);
    expect(sw.scope).toBe(`${server.url}/driver/`);
    await context.close();
  });
});

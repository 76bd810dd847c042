import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  desktop,
  hasChromium,
  launchBrowser,
  openPage,
  openProfilePage,
  phone,
  screenshot,
  signIn,
  startTestServer,
  type TestServer,
  waitForServiceWorker,
} from './harness';
import { fetchManifest, iconSizes, installabilityErrors } from './pwa-checks';

const apps = [
  {
    name: 'rider',
    base: '/',
    email: 'rider@demo.kigaligo.rw',
    password: 'kigali-rider',
    viewport: phone,
    first: 'Aline',
  },
  {
    name: 'driver',
    base: '/driver/',
    email: 'driver@demo.kigaligo.rw',
    password: 'kigali-driver',
    viewport: phone,
    first: 'Jean',
  },
  {
    name: 'admin',
    base: '/admin/',
    email: 'admin@demo.kigaligo.rw',
    password: 'kigali-admin',
    viewport: desktop,
    first: 'Diane',
  },
] as const;
type App = (typeof apps)[number];

/** The signed-in shell of each app, recognisable without the network. */
function shellLocator(page: import('playwright-core').Page, app: App) {
  if (app.name === 'admin')
    return page.getByRole('complementary').getByText('Diane Mukamana', { exact: true });
  return page.getByRole('heading', { level: 1, name: new RegExp(`, ${app.first}$`) });
}

describe.skipIf(!hasChromium)('the three PWAs in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(apps)('$name app', (app) => {
    it('loads cleanly, signs in, is controlled by its own service worker and is installable', async () => {
      const { context, page, errors, close } = await openProfilePage(app.viewport);
      await page.goto(server.url + app.base);
      await page.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      await screenshot(page, `${app.name}-sign-in`);
      await signIn(page, app.email, app.password);
      await shellLocator(page, app).waitFor();

      const sw = await waitForServiceWorker(page);
      expect(sw.state).toBe('activated');
      expect(sw.scope).toBe(server.url + app.base);
      expect(sw.scriptURL).toBe(`${server.url}${app.base}sw.js`);

      const { url, manifest } = await fetchManifest(page);
      expect(url).toBe(`${server.url}${app.base}manifest.webmanifest`);
      expect(manifest).toMatchObject({ start_url: app.base, scope: app.base, display: 'standalone' });
      expect(manifest.name).toMatch(/KigaliGo/);
      const sizes = await iconSizes(context, url, manifest.icons);
      const icon = (size: string, purpose: string) =>
        manifest.icons.find((i) => i.sizes === size && i.purpose === purpose && sizes[i.src] === size);
      expect(icon('192x192', 'any'), JSON.stringify(sizes)).toBeDefined();
      expect(icon('512x512', 'any'), JSON.stringify(sizes)).toBeDefined();
      expect(icon('512x512', 'maskable'), JSON.stringify(sizes)).toBeDefined();
      expect(await installabilityErrors(context, page)).toEqual([]);

      await screenshot(page, `${app.name}-home`);
      expect(errors).toEqual([]);
      await close();
    });

    it('reopens offline into the signed-in shell with the offline indicator', async () => {
      const { context, page } = await openPage(browser, app.viewport);
      await page.goto(server.url + app.base);
      await signIn(page, app.email, app.password);
      await shellLocator(page, app).waitFor();
      await waitForServiceWorker(page);
      await expect(page.locator('[data-connectivity="online"]').isVisible()).resolves.toBe(true);

      await context.setOffline(true);
      await page.reload();
      await shellLocator(page, app).waitFor();
      await page.locator('[data-connectivity="offline"]').waitFor();
      await page.getByTestId('offline-banner').waitFor();
      expect(page.url()).toBe(server.url + app.base);
      await screenshot(page, `${app.name}-offline`);
      await context.close();
    });
  });

  it('shows field errors and a wrong password visibly', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`${server.url}/driver/`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('This field is required').first().waitFor();
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Enter a valid email address').waitFor();

    await signIn(page, 'driver@demo.kigaligo.rw', 'definitely-wrong');
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Wrong email or password.');
    await screenshot(page, 'driver-wrong-password');
    await context.close();
  });

  it('the rider app refuses a driver account with a clear message', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(server.url);
    await signIn(page, 'driver@demo.kigaligo.rw', 'kigali-driver');
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/This app is for riders/);
    await expect(page.evaluate(() => localStorage.getItem('kigaligo.rider.session'))).resolves.toBeNull();
    await screenshot(page, 'rider-refuses-driver');
    await context.close();
  });

  it('a new rider registers, and the language switch to Kinyarwanda persists', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Full name').fill('Eric Niyonzima');
    await page.getByLabel('Email', { exact: true }).fill('eric@example.rw');
    await page.getByLabel(/^Phone/).fill('+250 788 555 010');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Use at least 8 characters').waitFor();
    await screenshot(page, 'rider-register');
    await page.getByLabel('Password', { exact: true }).fill('muraho-kigali-2026');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: /, Eric$/ }).waitFor();
    await page.getByText('No trips yet').waitFor();

    // The server is told too: push and email then reach Eric in Kinyarwanda.
    const told = page.waitForResponse(
      (r) => r.url().endsWith('/api/me/language') && r.request().postDataJSON()?.language === 'rw',
    );
    await page.getByRole('button', { name: 'Kinyarwanda' }).click();
    await page.getByText('Nta rugendo urakora').waitFor();
    expect((await told).status()).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Sohoka', exact: true }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('rw');
    await screenshot(page, 'rider-home-rw');
    await page.getByRole('button', { name: 'Sohoka', exact: true }).click();
    await page.getByRole('button', { name: 'Injira', exact: true }).waitFor();
    await context.close();
  });
});

describe.skipIf(!hasChromium)('a server that goes away', () => {
  it('counts failed requests as offline and keeps the rider signed in', async () => {
    const [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    try {
      const { page } = await openPage(browser);
      await page.goto(server.url);
      await signIn(page, 'rider@demo.kigaligo.rw', 'kigali-rider');
      await page.getByRole('heading', { level: 1, name: /, Aline$/ }).waitFor();
      await waitForServiceWorker(page);
      await server.close();
      // navigator.onLine stays true here: only the failed /api/me request can flip the indicator.
      await page.reload();
      await page.getByRole('heading', { level: 1, name: /, Aline$/ }).waitFor();
      await page.locator('[data-connectivity="offline"]').waitFor();
    } finally {
      await browser.close();
      await server.close();
    }
  });
});

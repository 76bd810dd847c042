import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPayment } from '../../sync-server/src/payments/payment-service';
import { demoUserId, insertTrip } from '../../sync-server/src/payments/test-support/trip-fixture';
import { hasChromium, launchBrowser, phone, startTestServer, type TestServer } from './harness';

// Nothing is cut off or scrolls sideways: admins work on a 1,366 px laptop, riders and drivers on a 390 px phone,
// in English and in Kinyarwanda (whose words are often longer).
const laptop = { width: 1366, height: 768 };
const signInLabels = {
  en: { email: 'Email', password: 'Password', submit: 'Sign in' },
  rw: { email: 'Imeyili', password: "Ijambo ry'ibanga", submit: 'Injira' },
} as const;
type Lang = keyof typeof signInLabels;

/** Elements whose right edge passes the viewport, and the page's scroll width against its width. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const past = Array.from(document.querySelectorAll<HTMLElement>('body *'))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} (${el.textContent?.trim().slice(0, 40)})`);
    return { scrollWidth: document.documentElement.scrollWidth, width, past: past.slice(0, 5) };
  });
}

/** Text the rider's floating "Live vehicles" button hides once the page is scrolled to its end. */
async function coveredByLiveButton(page: Page) {
  await page.locator('.kg-live-fab').waitFor();
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  return page.evaluate(() => {
    const fab = document.querySelector('.kg-live-fab')!.getBoundingClientRect();
    return Array.from(document.querySelectorAll<HTMLElement>('main *'))
      .filter((el) => Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim()))
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.bottom > fab.top && box.top < fab.bottom && box.right > fab.left && box.left < fab.right;
      })
      .map((el) => el.textContent!.trim().slice(0, 40));
  });
}

describe.skipIf(!hasChromium)('layout fits the screen', () => {
  let server: TestServer;
  let browser: Browser;
  let tripId: string;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    // A paid trip, so the trip page has its payments table (the widest admin table).
    const db = server.db();
    const trip = await insertTrip(db, { fare: 1500 });
    const payerId = await demoUserId(db, 'rider');
    await db.transaction((tx) =>
      startPayment(tx, {
        tripId: trip.id,
        payerId,
        method: 'card',
        amount: 1500,
        paymentMethodId: 'pm_card_visa',
      }),
    );
    tripId = trip.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function signedIn(path: string, lang: Lang, viewport: typeof phone, email: string, password: string) {
    const context = await browser.newContext({ viewport, locale: 'en-GB', serviceWorkers: 'block' });
    await context.addInitScript((l) => localStorage.setItem('kigaligo.lang', l), lang);
    const page = await context.newPage();
    await page.goto(server.url + path);
    const labels = signInLabels[lang];
    await page.getByLabel(labels.email, { exact: true }).fill(email);
    await page.getByLabel(labels.password, { exact: true }).fill(password);
    await page.getByRole('button', { name: labels.submit, exact: true }).click();
    await page.locator('main h1, .kg-admin-content h1').first().waitFor();
    return { context, page };
  }

  it.each(['en', 'rw'] as const)('every admin screen at 1,366 px (%s)', async (lang) => {
    const { context, page } = await signedIn(
      '/admin/',
      lang,
      laptop,
      'admin@demo.kigaligo.rw',
      'kigali-admin',
    );
    const screens = [
      'users',
      'add-driver',
      'fleet',
      'system',
      'trips',
      `trips/${tripId}`,
      'outbox',
      'reports',
      'audit',
      'sync-issues',
    ];
    for (const screen of screens) {
      await page.goto(`${server.url}/admin/#/${screen}`);
      await page.locator('.kg-admin-content h1').first().waitFor();
      // Tables and maps arrive after their request: measure once the page has settled.
      await page.waitForLoadState('networkidle');
      expect({ screen, ...(await overflow(page)) }).toMatchObject({
        screen,
        past: [],
        scrollWidth: laptop.width,
      });
    }
    await context.close();
  });

  it.each(['en', 'rw'] as const)('rider and driver home on a 390 px phone (%s)', async (lang) => {
    for (const [path, email, password] of [
      ['/', 'rider@demo.kigaligo.rw', 'kigali-rider'],
      ['/driver/', 'driver@demo.kigaligo.rw', 'kigali-driver'],
    ] as const) {
      const { context, page } = await signedIn(path, lang, phone, email, password);
      await page.waitForLoadState('networkidle');
      expect({ path, ...(await overflow(page)) }).toMatchObject({ path, past: [], scrollWidth: phone.width });
      if (path === '/') expect(await coveredByLiveButton(page)).toEqual([]);
      await context.close();
    }
  });
});

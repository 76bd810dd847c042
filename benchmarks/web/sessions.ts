import type { Browser, Page } from 'playwright-core';
import { backgroundTierCached, firstScreen, observePages, shellCached } from './page-metrics';
import type { LinkProfile, ThrottledLink } from './throttled-link';

export const demo = {
  rider: { email: 'rider@demo.kigaligo.rw', password: 'kigali-rider' },
  driver: { email: 'driver@demo.kigaligo.rw', password: 'kigali-driver' },
  admin: { email: 'admin@demo.kigaligo.rw', password: 'kigali-admin' },
};

export interface Bytes {
  received: number;
  sent: number;
}

export interface SessionResult {
  app: string;
  firstScreenMs: number;
  lcpMs: number;
  cls: number;
  /** Link bytes when the first screen showed, once the shell was precached, once the background tier was. */
  firstVisit: { atFirstScreen: Bytes; shellCached: Bytes; complete: Bytes };
  /** The typical session after the first visit (sign-in onwards). */
  session: Bytes & { requests: number; socketFrames: number; minutes: number };
  /** Its steady part (watching the live map, sharing positions), as bytes per hour; null if it has none. */
  steadyPerHour: Bytes | null;
  /** A second visit with the service worker warm. */
  repeat: { firstScreenMs: number; bytes: Bytes };
}

export interface SessionOptions {
  browser: Browser;
  link: ThrottledLink;
  /** The proxy's origin: every byte the phone exchanges crosses the link. */
  origin: string;
  profile: LinkProfile;
  cpuSlowdown: number;
}

const phone = { width: 390, height: 844 };

export async function signIn(page: Page, who: { email: string; password: string }) {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** A fresh phone: its own storage and service workers, the page observers installed. */
async function phoneContext(browser: Browser) {
  const context = await browser.newContext({ viewport: phone, locale: 'en-GB', serviceWorkers: 'allow' });
  await observePages(context);
  return context;
}

async function throttleCpu(page: Page, rate: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * One app session on a fresh phone: the first visit (timed to the first screen, bytes until the app is fully
 * on the device), then `steps` (what a user of this app typically does), then a repeat visit on the warm
 * service worker. Requests are counted from the browser context, which sees the service worker's too.
 */
export async function runSession(
  app: string,
  path: string,
  opts: SessionOptions,
  steps: (page: Page, steady: () => void) => Promise<number>,
): Promise<SessionResult> {
  const { link } = opts;
  const context = await phoneContext(opts.browser);
  try {
    let requests = 0;
    let socketFrames = 0;
    context.on('request', () => requests++);
    const page = await context.newPage();
    page.on('websocket', (ws) => {
      ws.on('framereceived', () => socketFrames++);
      ws.on('framesent', () => socketFrames++);
    });
    await throttleCpu(page, opts.cpuSlowdown);
    link.profile = opts.profile;
    link.reset();
    const bytes = (): Bytes => ({ received: link.received, sent: link.sent });

    await page.goto(`${opts.origin}${path}`, { waitUntil: 'commit' });
    const shown = await firstScreen(page);
    const atFirstScreen = bytes();
    await shellCached(page);
    const shell = bytes();
    await backgroundTierCached(page);
    const complete = bytes();

    link.reset();
    requests = 0;
    socketFrames = 0;
    let steadyFrom: { at: number; bytes: Bytes } | null = null;
    const minutes = await steps(page, () => {
      steadyFrom = { at: Date.now(), bytes: bytes() };
    });
    const session = { ...bytes(), requests, socketFrames, minutes };
    const steadyPerHour = perHour(steadyFrom, bytes());
    await page.close();

    const again = await context.newPage();
    await throttleCpu(again, opts.cpuSlowdown);
    link.reset();
    await again.goto(`${opts.origin}${path}`, { waitUntil: 'commit' });
    const repeat = await firstScreen(again);
    return {
      app,
      firstScreenMs: shown.firstScreen!,
      lcpMs: shown.lcp,
      cls: shown.cls,
      firstVisit: { atFirstScreen, shellCached: shell, complete },
      session,
      steadyPerHour,
      repeat: { firstScreenMs: repeat.firstScreen!, bytes: bytes() },
    };
  } finally {
    await context.close();
  }
}

function perHour(from: { at: number; bytes: Bytes } | null, now: Bytes): Bytes | null {
  if (!from) return null;
  const hours = (Date.now() - from.at) / 3_600_000;
  return {
    received: (now.received - from.bytes.received) / hours,
    sent: (now.sent - from.bytes.sent) / hours,
  };
}

/** Only the first screen of a cold visit, e.g. at the link the "before" figures were taken on. */
export async function coldFirstScreen(path: string, opts: SessionOptions): Promise<number> {
  const context = await phoneContext(opts.browser);
  try {
    const page = await context.newPage();
    await throttleCpu(page, opts.cpuSlowdown);
    opts.link.profile = opts.profile;
    await page.goto(`${opts.origin}${path}`, { waitUntil: 'commit' });
    return (await firstScreen(page)).firstScreen!;
  } finally {
    await context.close();
  }
}

/** A weekday morning in Kigali (UTC+2) as a datetime-local value, so plans never depend on the hour run. */
function nextWeekdayMorning(now = new Date()): string {
  const d = new Date(now.getTime() + 2 * 3600_000);
  do d.setUTCDate(d.getUTCDate() + 1);
  while (![2, 3, 4].includes(d.getUTCDay()));
  return `${d.toISOString().slice(0, 10)}T08:00`;
}

async function pick(page: Page, field: string, query: string, option: RegExp) {
  await page.getByRole('combobox', { name: field, exact: true }).fill(query);
  await page.getByRole('option', { name: option }).first().click();
}

/** Rider: sign in, plan a trip, book a moto (cash), then watch the live map for `liveMinutes`. */
export function riderSteps(liveMinutes: number) {
  return async (page: Page, steady: () => void): Promise<number> => {
    const started = Date.now();
    await signIn(page, demo.rider);
    await page.getByRole('button', { name: /Plan a trip/ }).click({ timeout: 60_000 });
    await pick(page, 'From', 'nyabugo', /^Nyabugogo Bus Park/);
    await pick(page, 'To', 'Kimirnko', /^Kimironko Bus Terminal/);
    await page.getByRole('button', { name: 'Depart at' }).click();
    await page.getByLabel('Date and time').fill(nextWeekdayMorning());
    await page.getByTestId('itinerary').first().waitFor({ timeout: 60_000 });

    await page.evaluate(() => history.back());
    await page.getByRole('link', { name: /Book a ride/ }).click({ timeout: 60_000 });
    await page.getByLabel('Pickup', { exact: true }).fill('Nyabugogo');
    await page
      .getByRole('option', { name: /Nyabugogo/ })
      .first()
      .click();
    await page.getByLabel('Destination', { exact: true }).fill('Kimironko');
    await page
      .getByRole('option', { name: /Kimironko/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Moto', exact: true }).click();
    await page.getByRole('button', { name: 'Cash', exact: true }).click();
    await page.getByRole('button', { name: /^Book Moto · RWF/ }).click();
    // Booked once the server has decided (a simulated moto nearby is offered the trip and answers).
    await page
      .getByTestId('trip-stage')
      .and(page.locator(':not([data-stage="waiting"]):not([data-stage="sending"])'))
      .waitFor({ timeout: 120_000 });

    await page.evaluate(() => {
      location.hash = '#/live';
    });
    await page
      .getByTestId('live-state')
      .and(page.locator('[data-state="online"]'))
      .waitFor({ timeout: 60_000 });
    steady();
    await page.waitForTimeout(liveMinutes * 60_000);
    return (Date.now() - started) / 60_000;
  };
}

/** Driver: sign in, start a shift, share a simulated drive with a fix every 5 s for `shiftMinutes`. */
export function driverSteps(shiftMinutes: number) {
  return async (page: Page, steady: () => void): Promise<number> => {
    const started = Date.now();
    await signIn(page, demo.driver);
    await page.getByRole('button', { name: 'Start shift' }).click({ timeout: 60_000 });
    await page.getByText(/^On shift with/).waitFor({ timeout: 60_000 });
    await page.getByLabel('Source').selectOption('simulate');
    await page.getByLabel('One position every').selectOption('5');
    await page.getByRole('button', { name: 'Start sharing' }).click();
    steady();
    await page.waitForTimeout(shiftMinutes * 60_000);
    return (Date.now() - started) / 60_000;
  };
}

/** Admin: sign in, open the safety-report queue and the newest report. */
export async function adminSteps(page: Page): Promise<number> {
  const started = Date.now();
  await signIn(page, demo.admin);
  await page.getByRole('link', { name: 'Safety reports' }).click({ timeout: 60_000 });
  await page.getByTestId('report-row').first().getByRole('link').first().click({ timeout: 60_000 });
  await page.getByTestId('report-detail').waitFor({ timeout: 60_000 });
  return (Date.now() - started) / 60_000;
}

/** A report for the admin to open, filed as the demo rider straight at the server (off the measured link). */
export async function fileReport(browser: Browser, serverUrl: string): Promise<void> {
  const context = await browser.newContext({ viewport: phone, locale: 'en-GB' });
  try {
    const page = await context.newPage();
    await page.goto(`${serverUrl}/`);
    await signIn(page, demo.rider);
    await page.getByRole('link', { name: /^Safety/ }).click();
    await page.getByRole('link', { name: 'New report' }).click();
    await page.getByText('Harassment', { exact: true }).click();
    await page.getByLabel('Describe what happened').fill('The driver shouted at me and refused to stop.');
    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByText(/^Sent \d/).waitFor({ timeout: 60_000 });
  } finally {
    await context.close();
  }
}

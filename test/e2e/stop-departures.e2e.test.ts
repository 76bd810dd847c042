import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBundle, serviceDayOrigin, type Timetable, toServiceTime } from '@kigaligo/planner';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busPosition } from '../../sync-server/src/demo/bus-runs';
import { findScheduledTrip } from '../../sync-server/src/realtime/scheduled-trip';
import { demoAccounts } from '../../sync-server/src/seed/demo-data';
import { assignScheduledTrip } from '../../sync-server/src/test-support/trip-fixtures';
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
import { newRider, waitSaved } from './sync-helpers';

// The shipped network, as the server and the app read it.
const tt = JSON.parse(readFileSync(join(root, 'public/network/kigali.bundle.json'), 'utf8')) as Timetable;
const network = loadBundle(tt);
const TRIP = '407-0-WD';
/** 05:00 + one 30-minute headway of its first frequency window. */
const START = '05:30:00';

describe.skipIf(!hasChromium)('rider stop screen: next departures', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  /** A stop ahead of the tracked bus on its trip (not the trip's last). */
  let stopId: string;
  let stopName: string;
  let postFix: () => Promise<Response>;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    // A bus on shift, running TRIP, where its timetable put it 12 minutes in: the driver app's shift start
    // and the server's trip matching, set up through the API and the vehicle row.
    const driver = demoAccounts.find((a) => a.role === 'driver')!;
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: driver.email, password: driver.password }),
    });
    const token = ((await login.json()) as { accessToken: string }).accessToken;
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const bus = await server.db().query.vehicles.findFirst({
      where: (v, { and, eq }) => and(eq(v.kind, 'bus'), eq(v.plate, 'RAF 118 D')),
    });
    const shift = await fetch(`${server.url}/api/shifts`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ vehicleId: bus!.id }),
    });
    expect(shift.status).toBe(201);
    const startDate = toServiceTime(new Date(), tt.timezone).date;
    await assignScheduledTrip(server.db(), bus!.id, { tripId: TRIP, startDate, startTime: START });
    const run = findScheduledTrip(network, { tripId: TRIP, startDate, startTime: START })!;
    const at = serviceDayOrigin(startDate, tt.timezone) + (5.5 * 3600 + 12 * 60) * 1000;
    const pos = busPosition(network, run, new Date(at))!;
    const p = network.patterns[run.pattern]!;
    const stop = tt.stops[p.stops[p.stops.length - 2]!]!;
    stopId = stop.id;
    stopName = stop.name;
    // Its fixes, every 2 s while the test waits for the server to know its trip.
    postFix = () =>
      fetch(`${server.url}/api/vehicles/${bus!.id}/positions`, {
        method: 'POST',
        headers: auth,
        body: JSON.stringify({
          positions: [
            { id: `${randomUUID()}:1`, lat: pos.lat, lon: pos.lon, recordedAt: new Date().toISOString() },
          ],
        }),
      });
  }, 90_000);
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await server?.close();
  });

  it('shows the stop’s departures live online, with the tracked bus marked live, and the schedule offline', async () => {
    // The live map re-reads the roster (shifts and their trips) every 15 s: until then the bus has no trip.
    await expect
      .poll(
        async () => {
          expect((await postFix()).status).toBe(200);
          const res = await fetch(
            `${server.url}/api/stops/${encodeURIComponent(stopId)}/departures?limit=50`,
          );
          const { departures } = (await res.json()) as {
            departures: { tripId: string; realtime: boolean }[];
          };
          return departures.some((d) => d.tripId === TRIP && d.realtime);
        },
        { timeout: 40_000, interval: 2_000 },
      )
      .toBe(true);

    const rider = await newRider(server.url);
    const { context, page, errors } = await openPage(browser);
    contexts.push(context);
    await page.goto(`${server.url}/`);
    await signIn(page, rider.email, rider.password);
    await waitSaved(page);
    await waitForServiceWorker(page);

    await page.evaluate(`location.hash = '#/stop/${encodeURIComponent(stopId)}'`);
    const screen = page.getByTestId('stop-page');
    await screen.and(page.locator('[data-state="live"]')).waitFor({ timeout: 20_000 });
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: new RegExp(stopName.slice(0, 6), 'i') })
      .waitFor();
    const live = page.locator('[data-testid="departure"][data-realtime="true"]');
    await live.first().waitFor();
    expect(await live.first().textContent()).toMatch(/Live/);
    expect(await live.first().textContent()).toMatch(/in \d+ min|now/);
    await expect.poll(() => page.getByTestId('departure').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('stop-offline').count()).toBe(0);
    await screenshot(page, 'stop-departures-live');

    // Offline: the same screen from the offline bundle, every time scheduled, and it says so.
    await context.setOffline(true);
    await page.reload();
    await screen.and(page.locator('[data-state="offline"]')).waitFor({ timeout: 30_000 });
    await page.getByTestId('stop-offline').getByText('scheduled times, not live').waitFor();
    await expect.poll(() => page.getByTestId('departure').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="departure"][data-realtime="true"]').count()).toBe(0);
    expect(await page.getByTestId('departure').first().textContent()).toMatch(/Scheduled/);
    await screenshot(page, 'stop-departures-offline');
    await context.setOffline(false);
    const unexpected = errors.filter(
      (e) => !/ERR_INTERNET_DISCONNECTED|WebSocket|Failed to load resource/.test(e),
    );
    expect(unexpected).toEqual([]);
  });

  it('opens a stop’s departures from the plan’s place search', async () => {
    const rider = await newRider(server.url);
    const { context, page } = await openPage(browser);
    contexts.push(context);
    await page.goto(`${server.url}/`);
    await signIn(page, rider.email, rider.password);
    await waitSaved(page);
    await page.evaluate(`location.hash = '#/plan'`);
    await page.getByRole('combobox', { name: 'From' }).fill('Nyabugogo');
    await page.getByRole('option', { name: /Nyabugogo Bus Park/ }).click();
    await page.getByRole('link', { name: 'Departures at Nyabugogo Bus Park' }).click();
    await page.getByTestId('stop-page').and(page.locator('[data-state="live"]')).waitFor({ timeout: 20_000 });
    await expect.poll(() => page.getByTestId('departure').count()).toBeGreaterThan(0);
  });
});

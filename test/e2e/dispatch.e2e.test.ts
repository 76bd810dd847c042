import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasChromium,
  launchBrowser,
  openPage,
  signIn,
  startTestServer,
  type TestPage,
  type TestServer,
} from './harness';

// Issue 12: a rider books, the nearest driver ignores the offer, it moves on to the next driver who accepts;
// the rider sees the new driver and an ETA that follows the vehicle's positions. The accept window is short
// (the server option the dispatch tests use); positions are posted by an admin, so who is nearest and how the
// moto moves are exact rather than left to a simulated drive.

const ACCEPT_SECONDS = 8;
const NYABUGOGO = { lat: -1.940645, lon: 30.044477 };
const FIRST = 'RD 412 K';
const SECOND = 'RF 087 B';
const secondDriver = {
  name: 'Eric Niyonzima',
  email: `eric-${crypto.randomUUID().slice(0, 8)}@e2e.kigaligo.rw`,
  password: 'drive-safely-e2e',
  phone: '+250 722 000 777',
};
const rider = {
  name: 'Grace Iradukunda',
  email: `grace-${crypto.randomUUID().slice(0, 8)}@e2e.kigaligo.rw`,
  password: 'kigali-rider-e2e',
};
// Metres north of the pickup as degrees of latitude.
const north = (metres: number) => ({ lat: NYABUGOGO.lat + metres / 111_320, lon: NYABUGOGO.lon });

describe.skipIf(!hasChromium)('dispatch moving on to the next driver, seen in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let adminToken: string;
  const tabs: TestPage[] = [];
  let fix = 0;

  const api = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300);
    return res.json();
  };
  /**
   * A fix of the vehicle at `at`, recorded `ago` seconds ago (admins may report any vehicle). The server must
   * take it: a fix implying more than 50 m/s from the one before is refused as a jump (with 200 and a reason).
   */
  const place = async (vehicleId: string, at: { lat: number; lon: number }, ago = 0) => {
    const result = await api(
      `/api/vehicles/${vehicleId}/positions`,
      {
        positions: [
          { id: `e2e-admin:${++fix}`, ...at, recordedAt: new Date(Date.now() - ago * 1000).toISOString() },
        ],
      },
      adminToken,
    );
    expect(result).toMatchObject({ accepted: 1, rejected: [] });
  };
  const driverStatus = (page: Page, status: string) =>
    page.getByTestId('driver-status').and(page.locator(`[data-status="${status}"]`));

  /** Signs a driver in and starts their shift on the vehicle with `plate`; returns the vehicle's id. */
  async function onShift(email: string, password: string, plate: string) {
    const tab = await openPage(browser);
    tabs.push(tab);
    const page = tab.page;
    await page.goto(`${server.url}/driver/`);
    await signIn(page, email, password);
    const option = page.locator('#kg-vehicle-pick option', { hasText: plate });
    const vehicleId = (await option.getAttribute('value', { timeout: 30_000 }))!;
    await page.getByLabel('Vehicle for this shift').selectOption(vehicleId);
    await page.getByRole('button', { name: 'Start shift' }).click();
    await driverStatus(page, 'available').getByText(`On shift with ${plate}`).waitFor();
    return { page, vehicleId };
  }

  beforeAll(async () => {
    [server, browser] = await Promise.all([
      startTestServer(undefined, { dispatchAcceptSeconds: ACCEPT_SECONDS }),
      launchBrowser(),
    ]);
    adminToken = (await api('/api/auth/login', { email: 'admin@demo.kigaligo.rw', password: 'kigali-admin' }))
      .accessToken;
    await api('/api/admin/users', { ...secondDriver, role: 'driver' }, adminToken);
    await api('/api/auth/register', rider);
  }, 300_000);
  afterAll(async () => {
    for (const t of tabs) await t.context.close();
    await browser?.close();
    await server?.close();
  });

  it('offers the ride to the next driver when the first ignores it; the rider sees who comes and when', async () => {
    const first = await onShift('driver@demo.kigaligo.rw', 'kigali-driver', FIRST);
    const second = await onShift(secondDriver.email, secondDriver.password, SECOND);
    // The first moto is nearest the pickup, so it is asked first; the second comes 2.2 km from the north,
    // having come 1.3 km in 70 s. That fix is 30 s old, so the 600 m it moves later is never too fast to be
    // believed (a fast run reached that move 11 s after the fix, and a jump of 50 m/s or more is refused).
    await place(first.vehicleId, north(550));
    await place(second.vehicleId, north(3500), 100);
    await place(second.vehicleId, north(2200), 30);

    const riderTab = await openPage(browser);
    tabs.push(riderTab);
    const r = riderTab.page;
    await r.goto(`${server.url}/`);
    await signIn(r, rider.email, rider.password);
    await r.getByRole('link', { name: /Book a ride/ }).click();
    for (const [label, place] of [
      ['Pickup', 'Nyabugogo'],
      ['Destination', 'Kimironko'],
    ] as const) {
      await r.getByLabel(label, { exact: true }).fill(place);
      await r
        .getByRole('option', { name: new RegExp(place) })
        .first()
        .click();
    }
    await r.getByRole('button', { name: 'Moto', exact: true }).click();
    await r.getByRole('button', { name: 'Cash', exact: true }).click();
    await r.getByRole('button', { name: /^Book Moto · RWF/ }).click();

    // The nearest driver is asked; the rider reads who is asked and for how long.
    const detail = r.getByTestId('trip-detail');
    await detail.getByText(/Asking driver 1 of up to 4: \d+ s left/).waitFor({ timeout: 30_000 });
    await driverStatus(first.page, 'offer_waiting').getByTestId('offer-countdown').waitFor();
    await expect(second.page.getByTestId('driver-status').getAttribute('data-status')).resolves.toBe(
      'available',
    );

    // Nobody presses anything: after the window the offer moves to the second driver, the first is free.
    await driverStatus(second.page, 'offer_waiting').waitFor({ timeout: ACCEPT_SECONDS * 1000 + 20_000 });
    await driverStatus(first.page, 'available').waitFor({ timeout: 20_000 });
    await detail.getByText(/Asking driver 2 of up to 4/).waitFor({ timeout: 20_000 });
    await second.page.getByTestId('assignment').getByRole('button', { name: 'Accept' }).click();

    // The rider sees the driver who accepted, and an ETA from where that moto is.
    await r
      .getByTestId('trip-status')
      .and(r.locator('[data-status="accepted"]'))
      .waitFor({ timeout: 30_000 });
    await r.locator('[data-testid="trip-plate"]', { hasText: SECOND }).waitFor();
    await r.locator('[data-testid="trip-driver"]', { hasText: secondDriver.name }).waitFor();
    await r.locator('[data-testid="trip-detail"][data-eta]').waitFor({ timeout: 30_000 });
    const before = Number(await detail.getAttribute('data-eta'));
    expect(before).toBeGreaterThan(1);
    await expect(detail.textContent()).resolves.toBe(`Arrives in about ${before} min`);

    // The moto comes 600 m closer: the figure follows.
    await place(second.vehicleId, north(1600));
    await expect
      .poll(async () => Number(await detail.getAttribute('data-eta')), { timeout: 30_000 })
      .toBeLessThan(before);
    await driverStatus(second.page, 'to_pickup').waitFor();
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  desktop,
  hasChromium,
  launchBrowser,
  openPage,
  screenshot,
  signIn,
  startTestServer,
  type TestPage,
  type TestServer,
  waitForServiceWorker,
} from './harness';
import { payWithTestCard, waitSaved } from './sync-helpers';

// Issue 6, test 5: a rider offline books a ride; back online, the booking is confirmed in the rider app and
// appears in the driver app; the driver completes it; the admin refunds part of it; the sandbox outbox shows
// the charge, the refund, the push and the email. For a vehicle to be available the driver is on shift and
// sharing a (simulated) position, as in tracking.e2e.test.ts.

const PLATE = 'RD 412 K';
const rider = {
  name: 'Grace Iradukunda',
  email: `grace-${crypto.randomUUID().slice(0, 8)}@e2e.kigaligo.rw`,
  password: 'kigali-rider-e2e',
  phone: '+250788123456',
};
const ignorable = /ERR_INTERNET_DISCONNECTED|Failed to load resource|WebSocket connection/;

/** The driver's one status card, once it shows `status`. */
const driverStatus = (page: Page, status: string) =>
  page.getByTestId('driver-status').and(page.locator(`[data-status="${status}"]`));

async function pickPlace(page: Page, label: string, query: string, option: string) {
  await page.getByLabel(label, { exact: true }).fill(query);
  await page
    .getByRole('option', { name: new RegExp(option) })
    .first()
    .click();
}

describe.skipIf(!hasChromium)('booking a ride across the three apps in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const tabs: TestPage[] = [];
  // The driver and rider pages stay open from the first test to the second (the moto keeps driving).
  let d: Page;
  let r: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
    const res = await fetch(`${server.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: rider.name,
        email: rider.email,
        password: rider.password,
        phone: rider.phone,
      }),
    });
    expect(res.status).toBe(201);
  });
  afterAll(async () => {
    for (const t of tabs) await t.context.close();
    await browser?.close();
    await server?.close();
  });

  it('books offline, confirms online, the driver completes it and the admin refunds part of it', async () => {
    // The driver: on shift with the moto, taking rides, sharing a simulated drive from Nyabugogo.
    const driver = await openPage(browser);
    tabs.push(driver);
    d = driver.page;
    await d.goto(`${server.url}/driver/`);
    await signIn(d, 'driver@demo.kigaligo.rw', 'kigali-driver');
    // Starting the shift is taking rides: one status, 'Available'.
    await d.getByRole('button', { name: 'Start shift' }).click();
    await d.getByText(`On shift with ${PLATE}`).waitFor();
    await driverStatus(d, 'available').getByText('Available', { exact: true }).waitFor();
    await d.getByLabel('Source').selectOption('simulate');
    await d.getByLabel('One position every').selectOption('1');
    await d.getByRole('button', { name: 'Start sharing' }).click();
    await expect
      .poll(() => d.getByTestId('last-upload').textContent(), { timeout: 30_000 })
      .not.toBe('Never');

    // The rider signs in online (the app, its service worker and push registration), then loses the network.
    const riderTab = await openPage(browser);
    tabs.push(riderTab);
    r = riderTab.page;
    await r.goto(`${server.url}/`);
    await signIn(r, rider.email, rider.password);
    await waitSaved(r);
    await r.getByTestId('push-state').and(r.locator('[data-state="registered"]')).waitFor();
    await waitForServiceWorker(r);
    await r.getByRole('link', { name: /Book a ride/ }).click();
    await r.getByRole('heading', { level: 1, name: 'Book a ride' }).waitFor();
    await riderTab.context.setOffline(true);

    await pickPlace(r, 'Pickup', 'Nyabugogo', 'Nyabugogo');
    await pickPlace(r, 'Destination', 'Kimironko', 'Kimironko');
    await r.getByRole('button', { name: 'Moto', exact: true }).click();
    await r
      .getByTestId('fare-estimate')
      .getByText(/About RWF [\d,]+/)
      .waitFor();
    await r.getByRole('button', { name: 'Card', exact: true }).click();
    await r.getByText('You’re offline.', { exact: false }).waitFor();
    await r.getByRole('button', { name: /^Book Moto · RWF/ }).click();

    // Offline: the booking is on the phone, waiting to be sent, through a reload too.
    const stage = r.getByTestId('trip-stage');
    await stage.and(r.locator('[data-stage="waiting"]')).waitFor();
    await r.getByText('Waiting to send').first().waitFor();
    await screenshot(r, 'booking-rider-offline');
    await r.reload();
    await stage.and(r.locator('[data-stage="waiting"]')).waitFor();

    // Back online: the server books it and its decision comes back through the document.
    await riderTab.context.setOffline(false);
    await stage.and(r.locator('[data-stage="confirmed"]')).waitFor({ timeout: 60_000 });

    // The driver answers the offer within its window (it shows the seconds left), then can navigate and call.
    const assignment = d.getByTestId('assignment').first();
    await assignment.waitFor({ timeout: 30_000 });
    await driverStatus(d, 'offer_waiting')
      .getByTestId('offer-countdown')
      .getByText(/Answer within \d+ s/)
      .waitFor();
    await assignment.getByRole('button', { name: 'Accept' }).click();
    await d.locator('[data-testid="assignment"][data-status="accepted"]').waitFor({ timeout: 30_000 });
    await driverStatus(d, 'to_pickup').getByText('Going to the pickup').waitFor();
    // The ride's map, loaded now (not precached): the driver's moto, the pickup and the destination.
    const tripMap = assignment.getByTestId('trip-map');
    await tripMap.locator('.kg-live-map[data-ready="true"]').waitFor({ timeout: 30_000 });
    await tripMap.locator('[data-testid="map-pin"][data-kind="from"]').waitFor();
    await tripMap.locator('[data-testid="map-pin"][data-kind="to"]').waitFor();
    await tripMap.locator(`[data-testid="live-vehicle"][data-plate="${PLATE}"]`).waitFor({ timeout: 30_000 });
    await expect(assignment.getByTestId('navigate').getAttribute('href')).resolves.toMatch(/^geo:-1\.9/);
    await expect(assignment.getByTestId('call-rider').getAttribute('href')).resolves.toMatch(/^tel:\+250/);
    await r.locator('[data-testid="trip-plate"]', { hasText: PLATE }).waitFor();
    await r.locator('[data-testid="trip-driver"]', { hasText: 'Jean Bosco Habimana' }).waitFor();
    const fare = (await r.getByTestId('trip-fare').textContent()) ?? '';
    expect(fare).toMatch(/^RWF [\d,]+$/);
    // Booked offline by card: now online, the rider enters the card in the sandbox's labelled test form. A
    // real card number is refused there; the test card pays.
    const card = r.getByTestId('card-step');
    await card.getByText('Test mode: no real card is charged').waitFor({ timeout: 30_000 });
    await payWithTestCard(card, '5555 5555 5555 4444');
    await card.getByText('This test form takes test cards only').waitFor();
    await payWithTestCard(card, '4242 4242 4242 4242');
    await r
      .getByTestId('trip-payment')
      .and(r.locator('[data-payment="succeeded"]'))
      .waitFor({ timeout: 30_000 });
    await card.waitFor({ state: 'detached' });
    await r.locator(`[data-testid="live-vehicle"][data-plate="${PLATE}"]`).waitFor({ timeout: 30_000 });
    await r.getByTestId('cancel-panel').getByText('Cancelling is free until your driver arrives.').waitFor();
    await screenshot(r, 'booking-rider-confirmed');

    // The driver takes the ride to the end.
    await assignment.locator('[data-testid="assignment-rider"]', { hasText: 'Grace' }).waitFor();
    await expect(assignment.getByTestId('assignment-fare').textContent()).resolves.toBe(fare);
    for (const [button, status] of [
      ['I have arrived', 'driver_arrived'],
      ['Start trip', 'in_progress'],
      ['Complete trip', 'completed'],
    ] as const) {
      await assignment.getByRole('button', { name: button }).click();
      await d.locator(`[data-testid="assignment"][data-status="${status}"]`).waitFor({ timeout: 30_000 });
    }
    // The ride done, the driver is available again (not left 'on a trip').
    await driverStatus(d, 'available').waitFor();
    await screenshot(d, 'booking-driver-completed');
    await r
      .getByTestId('trip-status')
      .and(r.locator('[data-status="completed"]'))
      .waitFor({ timeout: 30_000 });
    await stage.and(r.locator('[data-stage="completed"]')).waitFor();

    // The admin refunds part of it; more than is left is refused with the server's reason.
    const admin = await openPage(browser, desktop);
    tabs.push(admin);
    const a = admin.page;
    await a.goto(`${server.url}/admin/#/trips`);
    await signIn(a, 'admin@demo.kigaligo.rw', 'kigali-admin');
    await a.locator('[data-testid="trip-row"][data-status="completed"]').first().getByRole('link').click();
    await a.getByTestId('trip-status').and(a.locator('[data-status="completed"]')).waitFor();
    await a.getByTestId('trip-events').getByText('Completed', { exact: true }).first().waitFor();
    await a.getByTestId('payment-row').getByRole('button', { name: 'Refund' }).click();
    const form = a.getByTestId('refund-form');
    await form.getByLabel('Amount (RWF)').fill('300');
    await form.getByLabel('Reason').fill('Driver took a longer road');
    await form.getByRole('button', { name: 'Refund', exact: true }).click();
    await form.getByText('Refund of RWF 300 started.', { exact: false }).waitFor();
    await a.locator('[data-testid="refund-row"][data-amount="300"]').waitFor();
    await form.getByLabel('Amount (RWF)').fill('1000000');
    await form.getByLabel('Reason').fill('Trying to refund too much');
    await form.getByRole('button', { name: 'Refund', exact: true }).click();
    await form.getByRole('alert').waitFor();
    await expect(a.locator('[data-testid="refund-row"]').count()).resolves.toBe(1);
    // The reconcile history: the card payment opened for the rider, then the refund called.
    const calls = a.getByTestId('provider-calls');
    await calls
      .locator('[data-topic="payment.charge"][data-status="sent"]')
      .getByText('Card payment opened, for the rider to confirm', { exact: false })
      .waitFor();
    await calls.locator('[data-topic="payment.refund"]').waitFor();
    await screenshot(a, 'booking-admin-refund');

    // The rider sees the partial refund on the trip.
    await r
      .locator('[data-testid="trip-payment"]', { hasText: 'RWF 300 refunded' })
      .waitFor({ timeout: 30_000 });
    // And its receipt (issue 19): the fare by the tariff, what was paid, the refund, what the rider paid in the end.
    await r.getByRole('button', { name: 'Show receipt' }).click();
    const receipt = r.getByTestId('trip-receipt');
    await receipt.getByText(/^Receipt KG-\d{8}-[0-9A-F]{8}$/).waitFor();
    await receipt.getByText('Moto, first 2 km').waitFor();
    await receipt.getByText('Refund: Driver took a longer road').waitFor();
    const total = Number(
      (await receipt.locator('.kg-receipt-total td').first().textContent())!.replace(/\D/g, ''),
    );
    await expect(receipt.getByTestId('receipt-net').textContent()).resolves.toBe(
      `RWF ${(total - 300).toLocaleString('en-US')}`,
    );
    await screenshot(r, 'booking-rider-receipt');

    // The sandbox outbox recorded the charge, the refund, the push and the email.
    await a.getByRole('link', { name: 'Outbox' }).click();
    await a.getByRole('heading', { level: 1, name: 'Outbox' }).waitFor();
    for (const topic of ['payment.charge', 'payment.refund', 'push', 'email']) {
      await expect
        .poll(
          async () => {
            await a.getByRole('button', { name: 'Refresh' }).click();
            return a
              .locator(
                `[data-testid="outbox-row"][data-topic="${topic}"][data-state="sent"][data-sandbox="true"]`,
              )
              .count();
          },
          { timeout: 30_000, interval: 1000 },
        )
        .toBeGreaterThan(0);
    }
    const refundRow = a.locator('[data-testid="outbox-row"][data-topic="payment.refund"]').first();
    await refundRow.getByRole('button', { name: 'Details' }).click();
    await a.getByTestId('outbox-detail').getByText('"sandbox": true').waitFor();
    await screenshot(a, 'booking-admin-outbox');

    expect(riderTab.errors.filter((e) => !ignorable.test(e))).toEqual([]);
    expect(driver.errors.filter((e) => !ignorable.test(e))).toEqual([]);
    expect(admin.errors.filter((e) => !ignorable.test(e))).toEqual([]);
  }, 300_000);

  it('explains a rejection in plain words, and charges the fee for cancelling after the driver arrived', async () => {
    const book = async (kind: 'Moto' | 'Car') => {
      await r.goto(`${server.url}/#/book`);
      await pickPlace(r, 'Pickup', 'Nyabugogo', 'Nyabugogo');
      await pickPlace(r, 'Destination', 'Kimironko', 'Kimironko');
      await r.getByRole('button', { name: kind, exact: true }).click();
      await r.getByRole('button', { name: 'Cash', exact: true }).click();
      await r.getByRole('button', { name: new RegExp(`^Book ${kind} · RWF`) }).click();
    };
    const stage = r.getByTestId('trip-stage');

    // No car is on shift: the server turns the booking down and the rider reads why.
    await book('Car');
    await stage.and(r.locator('[data-stage="rejected"]')).waitFor({ timeout: 30_000 });
    await r.getByText('No free vehicle of this kind was near your pickup.', { exact: false }).waitFor();
    await r.getByRole('link', { name: 'Book again' }).waitFor();

    // A moto paid in cash; the driver accepts and arrives, then the rider cancels: 400 RWF, said before.
    await book('Moto');
    await stage.and(r.locator('[data-stage="confirmed"]')).waitFor({ timeout: 30_000 });
    const assignment = d.locator('[data-testid="assignment"][data-status="assigned"]');
    await assignment.waitFor({ timeout: 30_000 });
    await assignment.getByText('Cash — collect it from the rider').waitFor();
    await assignment.getByRole('button', { name: 'Accept' }).click();
    await d
      .locator('[data-testid="assignment"][data-status="accepted"]')
      .getByRole('button', { name: 'I have arrived' })
      .click();
    await r
      .getByTestId('trip-status')
      .and(r.locator('[data-status="driver_arrived"]'))
      .waitFor({ timeout: 30_000 });
    const panel = r.getByTestId('cancel-panel');
    await panel
      .getByText('Your driver has arrived: cancelling now costs RWF 400', { exact: false })
      .waitFor();
    await panel.getByRole('button', { name: 'Cancel ride' }).click();
    await panel.getByRole('button', { name: 'Yes, cancel' }).click();
    await stage.and(r.locator('[data-stage="cancelled"]')).waitFor({ timeout: 30_000 });
    await r.getByText('Cancellation fee: RWF 400').waitFor();
    await d.locator('[data-testid="assignment"][data-status="cancelled"]').waitFor({ timeout: 30_000 });

    // My trips lists all three bookings with where each ended.
    await r.getByRole('link', { name: 'My trips' }).click();
    // The list may still be loading its screen's code: wait for it rather than count once.
    await expect.poll(() => r.getByTestId('trip-item').count(), { timeout: 15_000 }).toBe(3);
    for (const s of ['completed', 'rejected', 'cancelled']) {
      await r.locator(`[data-testid="trip-item"][data-stage="${s}"]`).waitFor();
    }
    await screenshot(r, 'booking-rider-trips');
  }, 180_000);
});

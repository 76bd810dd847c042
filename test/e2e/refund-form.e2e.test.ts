import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { payments, refunds } from '../../sync-server/src/db/schema';
import { startPayment } from '../../sync-server/src/payments/payment-service';
import { demoUserId, insertTrip } from '../../sync-server/src/payments/test-support/trip-fixture';
import { desktop, hasChromium, launchBrowser, signIn, startTestServer, type TestServer } from './harness';

// The refund form keeps one Idempotency-Key per refund the admin means. The server takes the POST but its
// answer never reaches the page: sending the same form again must return that refund, not make a second one;
// editing the amount is a new refund. The trip's figures follow the provider's settlement without a reload.
describe.skipIf(!hasChromium)('the admin refund form', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startTestServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The trip as the server holds it, read by an admin through the API. */
  async function tripDetail(tripId: string) {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@demo.kigaligo.rw', password: 'kigali-admin' }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const res = await fetch(`${server.url}/api/trips/${tripId}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(res.status).toBe(200);
    return (await res.json()) as {
      payments: { status: string }[];
      refunds: { amount: number }[];
    };
  }

  /** A completed card trip of 1,500 RWF, paid through the server's own payment worker (card sandbox). */
  async function paidTrip() {
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
    await expect
      .poll(async () => (await tripDetail(trip.id)).payments[0]?.status, { timeout: 20_000 })
      .toBe('succeeded');
    return trip;
  }

  /** The refunds in the database (not an API view of them), smallest first. */
  const storedRefunds = async (tripId: string) => {
    const db = server.db();
    // Filtered here: the root tests do not depend on drizzle-orm for its operators.
    const payment = (await db.select().from(payments)).find((p) => p.tripId === tripId);
    const rows = (await db.select().from(refunds)).filter((r) => r.paymentId === payment!.id);
    return rows.map((r) => r.amount).sort((x, y) => x - y);
  };

  const refundedCell = (a: Page) => a.getByTestId('payment-row').locator('td').nth(3);

  it('a lost answer sent again refunds once; an edited amount is a new refund; figures follow without reload', async () => {
    const trip = await paidTrip();
    // No service worker: page routes see every request of the page.
    const context = await browser.newContext({ viewport: desktop, locale: 'en-GB', serviceWorkers: 'block' });
    const a = await context.newPage();
    await a.goto(`${server.url}/admin/#/trips/${trip.id}`);
    await signIn(a, 'admin@demo.kigaligo.rw', 'kigali-admin');
    await a.locator('[data-testid="payment-row"][data-status="succeeded"]').waitFor();
    await a.getByTestId('payment-row').getByRole('button', { name: 'Refund' }).click();
    const form = a.getByTestId('refund-form');
    await form.getByLabel('Amount (RWF)').fill('300');
    await form.getByLabel('Reason').fill('Driver took a longer road');

    // The server processes the refund; the connection drops before its answer arrives.
    let delivered = 0;
    await a.route('**/api/refunds', async (route) => {
      const response = await route.fetch();
      expect(response.status()).toBe(201);
      delivered++;
      await route.abort('connectionreset');
    });
    await form.getByRole('button', { name: 'Refund', exact: true }).click();
    await form.getByRole('alert').waitFor();
    expect(delivered).toBe(1);
    expect(await storedRefunds(trip.id)).toEqual([300]);

    // Sent again as it stands: the same key, so the first refund comes back.
    await a.unroute('**/api/refunds');
    const replayed = a.waitForResponse(
      (r) => r.url().endsWith('/api/refunds') && r.request().method() === 'POST',
    );
    await form.getByRole('button', { name: 'Refund', exact: true }).click();
    expect((await replayed).headers()['idempotent-replayed']).toBe('true');
    await form.getByText('Refund of RWF 300 started.', { exact: false }).waitFor();
    expect(await storedRefunds(trip.id)).toEqual([300]);
    await expect.poll(() => a.locator('[data-testid="refund-row"]').count(), { timeout: 10_000 }).toBe(1);
    // Settled by the provider after the answer: the payment's figures update on their own.
    await a.locator('[data-testid="refund-row"][data-status="succeeded"]').waitFor({ timeout: 20_000 });
    await expect.poll(() => refundedCell(a).textContent(), { timeout: 10_000 }).toBe('RWF 300');

    // A new amount is a new refund (a new key), and the figures follow it too.
    await form.getByLabel('Amount (RWF)').fill('200');
    await form.getByLabel('Reason').fill('Waited at the pickup');
    const fresh = a.waitForResponse(
      (r) => r.url().endsWith('/api/refunds') && r.request().method() === 'POST',
    );
    await form.getByRole('button', { name: 'Refund', exact: true }).click();
    expect((await fresh).status()).toBe(201);
    expect((await fresh).headers()['idempotent-replayed']).toBeUndefined();
    await form.getByText('Refund of RWF 200 started.', { exact: false }).waitFor();
    expect(await storedRefunds(trip.id)).toEqual([200, 300]);
    await expect.poll(() => refundedCell(a).textContent(), { timeout: 20_000 }).toBe('RWF 500');
    await form.getByText('RWF 1,000', { exact: false }).first().waitFor();
    await expect.poll(() => a.locator('[data-testid="refund-row"]').count(), { timeout: 10_000 }).toBe(2);
    await context.close();
  });
});

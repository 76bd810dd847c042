import { fareLines, motoFare, tripReceipt } from '@kigaligo/domain';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startPayment } from './payment-service';
import { paymentWorker } from './test-support/payment-harness';
import { demoUserId, insertTrip } from './test-support/trip-fixture';

describe('fare lines', () => {
  it('break a moto fare down by the tariff and always add up to what was charged', () => {
    for (const metres of [0, 1500, 2000, 4200, 39_999, 40_000, 52_300]) {
      const charged = motoFare(metres);
      const lines = fareLines('moto', metres, charged);
      expect(lines.reduce((s, l) => s + l.amount, 0)).toBe(charged);
      expect(lines[0]).toMatchObject({ item: 'moto_base', km: 2 });
    }
    expect(fareLines('moto', 52_300, motoFare(52_300)).map((l) => l.item)).toEqual([
      'moto_base',
      'moto_distance',
      'moto_long_distance',
    ]);
    expect(fareLines('car', 1200, 1500)).toEqual([{ item: 'car_metered', km: 3, amount: 1500 }]);
    expect(fareLines('moto', 4200, 1500, 300)).toEqual([{ item: 'cancellation_fee', amount: 300 }]);
  });
});

describe.each(testDatabaseKinds)('receipts on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  beforeAll(async () => {
    t = await createTestApp(kind);
    db = t.database.db;
  });
  afterAll(() => t.dispose());

  it('a paid trip has a receipt for its rider and admins, emailed once in the rider’s language', async () => {
    const trip = await insertTrip(db, { fare: motoFare(4200) });
    const riderId = await demoUserId(db, 'rider');
    const payment = await db.transaction((tx) =>
      startPayment(tx as Db, {
        tripId: trip.id,
        payerId: riderId,
        method: 'card',
        amount: trip.fareAmount,
        paymentMethodId: 'pm_card_visa',
      }),
    );
    const rider = (await t.loginAs('rider')).accessToken;
    const before = await t.request('GET', `/api/trips/${trip.id}/receipt`, { token: rider });
    expect(before.status).toBe(409);
    expect((await before.json()).error.code).toBe('not_paid');

    await paymentWorker(t, {}).drain();
    const res = await t.request('GET', `/api/trips/${trip.id}/receipt`, { token: rider });
    expect(res.status).toBe(200);
    const receipt = tripReceipt.parse(await res.json());
    expect(receipt).toMatchObject({
      tripId: trip.id,
      from: 'Kigali Heights',
      to: 'Kimihurura',
      total: trip.fareAmount,
      netPaid: trip.fareAmount,
      payments: [{ method: 'card', status: 'succeeded', amount: trip.fareAmount }],
      refunds: [],
    });
    expect(receipt.number).toMatch(/^KG-\d{8}-[0-9A-F]{8}$/);
    expect(receipt.lines.reduce((s, l) => s + l.amount, 0)).toBe(receipt.total);

    const admin = (await t.loginAs('admin')).accessToken;
    expect((await t.request('GET', `/api/trips/${trip.id}/receipt`, { token: admin })).status).toBe(200);
    // The driver sees the trip, not its receipt.
    const driver = (await t.loginAs('driver')).accessToken;
    expect((await t.request('GET', `/api/trips/${trip.id}/receipt`, { token: driver })).status).toBe(404);

    const emails = await db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, `payment:${payment.id}:receipt%`));
    expect(emails.map((e) => e.idempotencyKey)).toEqual([`payment:${payment.id}:receipt:email`]);
    const { subject, text } = emails[0]!.payload as { subject: string; text: string };
    expect(subject).toBe(`KigaliGo: Receipt ${receipt.number}`);
    expect(text).toContain('Moto, first 2 km: RWF 400');

    // A refund shows on the receipt and lowers what was paid.
    const refunded = await t.request('POST', '/api/refunds', {
      token: admin,
      body: { paymentId: payment.id, amount: 200, reason: 'Detour' },
    });
    expect(refunded.status).toBe(201);
    await paymentWorker(t, {}).drain();
    const after = tripReceipt.parse(
      await (await t.request('GET', `/api/trips/${trip.id}/receipt`, { token: rider })).json(),
    );
    expect(after.refunds).toMatchObject([{ amount: 200, reason: 'Detour', status: 'succeeded' }]);
    expect(after.netPaid).toBe(trip.fareAmount - 200);
    const again = await db
      .select()
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `payment:${payment.id}:receipt:email`));
    expect(again).toHaveLength(1);
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { outbox, payments, refunds, trips } from '../db/schema';
import { purgeIdempotencyKeys } from '../http/idempotency';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { paymentSummary, settleCancellation, settleCash, startPayment } from './payment-service';
import { outboxRow, paymentRow, paymentWorker } from './test-support/payment-harness';
import { demoUserId, insertTrip } from './test-support/trip-fixture';

describe.each(testDatabaseKinds)('payments with no provider keys (sandbox) on %s', (kind) => {
  let t: TestApp;
  let db: Db;
  let riderId: string;
  let driverId: string;
  const sandboxWorker = () => paymentWorker(t, {});

  beforeAll(async () => {
    t = await createTestApp(kind);
    db = t.database.db;
    riderId = await demoUserId(db, 'rider');
    driverId = await demoUserId(db, 'driver');
  });
  afterAll(() => t.dispose());

  const start = (
    tripId: string,
    method: 'card' | 'mobile_money' | 'cash',
    amount = 1500,
    payerPhone?: string,
  ) =>
    db.transaction((tx) =>
      startPayment(tx as Db, {
        tripId,
        payerId: riderId,
        method,
        amount,
        payerPhone,
        // A card already entered, so the sandbox decides at once (without one it waits for the rider's card).
        ...(method === 'card' ? { paymentMethodId: 'pm_card_visa' } : {}),
      }),
    );

  it('charge → succeeded and refund → succeeded, the outbox recording what would have been sent', async () => {
    const trip = await insertTrip(db);
    const payment = await start(trip.id, 'mobile_money', 1500, '+250788100001');
    expect(payment).toMatchObject({ status: 'pending', provider: 'mtn_momo' });
    await sandboxWorker().drain();
    expect((await paymentRow(t, payment.id)).status).toBe('succeeded');
    expect(await outboxRow(t, `payment:${payment.id}:charge`)).toMatchObject({
      status: 'sent',
      result: {
        sandbox: true,
        status: 'succeeded',
        response: {
          wouldSend: { kind: 'charge', amount: 1500, currency: 'RWF', payerPhone: '+250788100001' },
        },
      },
    });
    const admin = (await t.loginAs('admin')).accessToken;
    const res = await t.request('POST', '/api/refunds', {
      token: admin,
      body: { paymentId: payment.id, reason: 'Test refund' },
    });
    const { refund } = await res.json();
    await sandboxWorker().drain();
    expect(await outboxRow(t, `refund:${refund.id}`)).toMatchObject({
      result: {
        sandbox: true,
        status: 'succeeded',
        response: { wouldSend: { kind: 'refund', amount: 1500 } },
      },
    });
    expect(await paymentSummary(db, trip.id)).toEqual({
      method: 'mobile_money',
      status: 'refunded',
      amount: 1500,
      refundedAmount: 1500,
    });
  });

  it('cash waits for the assigned driver; confirming twice is harmless', async () => {
    const trip = await insertTrip(db, { method: 'cash' });
    const payment = await start(trip.id, 'cash');
    expect(
      await db
        .select()
        .from(outbox)
        .where(eq(outbox.idempotencyKey, `payment:${payment.id}:charge`)),
    ).toHaveLength(0);
    await expect(db.transaction((tx) => settleCash(tx as Db, trip.id, riderId))).rejects.toMatchObject({
      kind: 'forbidden',
    });
    const settled = await db.transaction((tx) => settleCash(tx as Db, trip.id, driverId));
    expect(settled).toMatchObject({ status: 'succeeded', providerRef: `cash:${driverId}` });
    const again = await db.transaction((tx) => settleCash(tx as Db, trip.id, driverId));
    expect(again.id).toBe(settled.id);
    expect(await paymentSummary(db, trip.id)).toMatchObject({ method: 'cash', status: 'succeeded' });
  });

  it('starting twice returns the live payment; paying by card replaces a pending cash payment quietly', async () => {
    const trip = await insertTrip(db, { method: 'cash' });
    const cash = await start(trip.id, 'cash');
    expect((await start(trip.id, 'cash')).id).toBe(cash.id);
    const rider = (await t.loginAs('rider')).accessToken;
    const res = await t.request('POST', '/api/payments', {
      token: rider,
      body: { tripId: trip.id, method: 'card' },
    });
    expect(res.status).toBe(201);
    expect(await paymentRow(t, cash.id)).toMatchObject({ status: 'failed', failureReason: 'replaced' });
    const failedMail = await db.select().from(outbox).where(eq(outbox.topic, 'email'));
    expect(failedMail.some((m) => m.idempotencyKey.startsWith(`payment:${cash.id}:failed`))).toBe(false);
    const second = await t.request('POST', '/api/payments', {
      token: rider,
      body: { tripId: trip.id, method: 'mobile_money', payerPhone: '+250788100001' },
    });
    expect(second.status).toBe(409);
    expect((await second.json()).error.code).toBe('payment_exists');
  });

  it("a rider's Idempotency-Key stays bound to its trip after the replay window: another trip is 422", async () => {
    const rider = (await t.loginAs('rider')).accessToken;
    const key = `pay-${crypto.randomUUID()}`;
    const [first, second] = [await insertTrip(db), await insertTrip(db)];
    const pay = (tripId: string) =>
      t.request('POST', '/api/payments', {
        token: rider,
        body: { tripId, method: 'card' },
        headers: { 'idempotency-key': key },
      });
    expect((await pay(first.id)).status).toBe(201);
    // The kept answers are forgotten (24 h later); the payment still carries the key.
    await purgeIdempotencyKeys(db, new Date(Date.now() + 25 * 3600_000));
    const reused = await pay(second.id);
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.code).toBe('idempotency_key_reused');
    expect(await db.select().from(payments).where(eq(payments.tripId, second.id))).toEqual([]);
  });

  it('cancellation: an uncharged payment shrinks to the fee or is voided', async () => {
    const withFee = await insertTrip(db, { status: 'cancelled', cancellationFee: 400 });
    const a = await start(withFee.id, 'card');
    await db.transaction((tx) => settleCancellation(tx as Db, withFee.id, 400, riderId));
    expect(await paymentRow(t, a.id)).toMatchObject({ status: 'pending', amount: 400 });
    await sandboxWorker().drain();
    expect(await paymentRow(t, a.id)).toMatchObject({ status: 'succeeded', amount: 400 });

    const free = await insertTrip(db, { status: 'cancelled' });
    const b = await start(free.id, 'card');
    const summary = await db.transaction((tx) => settleCancellation(tx as Db, free.id, 0, riderId));
    expect(summary).toMatchObject({ status: 'failed' });
    expect(await paymentRow(t, b.id)).toMatchObject({ status: 'failed', failureReason: 'trip_cancelled' });
    await sandboxWorker().drain();
    expect(await outboxRow(t, `payment:${b.id}:charge`)).toMatchObject({
      result: { skipped: 'payment trip_cancelled' },
    });
  });

  it('cancellation: a collected payment is refunded what exceeds the fee, also when the charge lands later', async () => {
    const trip = await insertTrip(db, { status: 'completed' });
    const paid = await start(trip.id, 'card', 1500);
    await sandboxWorker().drain();
    await db.update(trips).set({ status: 'cancelled', cancellationFee: 400 }).where(eq(trips.id, trip.id));
    await db.transaction((tx) => settleCancellation(tx as Db, trip.id, 400, riderId));
    const [refund] = await db.select().from(refunds).where(eq(refunds.paymentId, paid.id));
    expect(refund).toMatchObject({ amount: 1100, status: 'pending' });

    // In flight when cancelled: settled by the charge's after-delivery hook.
    const late = await insertTrip(db, { status: 'completed' });
    const inFlight = await start(late.id, 'card', 1500);
    await db.update(payments).set({ status: 'processing' }).where(eq(payments.id, inFlight.id));
    await db.update(trips).set({ status: 'cancelled', cancellationFee: 0 }).where(eq(trips.id, late.id));
    await db.transaction((tx) => settleCancellation(tx as Db, late.id, 0, riderId));
    expect(await db.select().from(refunds).where(eq(refunds.paymentId, inFlight.id))).toHaveLength(0);
    await sandboxWorker().drain();
    expect(await paymentSummary(db, late.id)).toEqual({
      method: 'card',
      status: 'refunded',
      amount: 1500,
      refundedAmount: 1500,
    });
  });

  it('rejected bookings and free cancellations cannot be paid', async () => {
    const rider = (await t.loginAs('rider')).accessToken;
    for (const status of ['rejected', 'cancelled'] as const) {
      const trip = await insertTrip(db, { status });
      const res = await t.request('POST', '/api/payments', {
        token: rider,
        body: { tripId: trip.id, method: 'card' },
      });
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe('trip_not_payable');
    }
  });
});

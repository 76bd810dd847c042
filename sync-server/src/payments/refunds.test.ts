import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/client';
import { auditLog, idempotencyKeys, payments, refunds } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import type { PaymentsConfig } from './payment-providers';
import { startPayment } from './payment-service';
import { type FakeStripe, fakeStripe } from './test-support/fake-stripe';
import { outboxRow, paymentRow, paymentWorker } from './test-support/payment-harness';
import { demoUserId, insertTrip } from './test-support/trip-fixture';

describe.each(testDatabaseKinds)('refunds on %s', (kind) => {
  let t: TestApp;
  let stripe: FakeStripe;
  let config: PaymentsConfig;
  let admin: string;

  beforeAll(async () => {
    stripe = await fakeStripe();
    config = {
      stripe: {
        secretKey: 'sk_test_refunds',
        host: '127.0.0.1',
        port: stripe.port,
        protocol: 'http',
        timeoutMs: 400,
      },
    };
    t = await createTestApp(kind);
    admin = (await t.loginAs('admin')).accessToken;
  });
  afterAll(async () => {
    await t.dispose();
    await stripe.close();
  });

  /** A card trip of `fare` RWF, charged at the fake Stripe. */
  async function paidCardPayment(fare: number) {
    const db = t.database.db;
    const trip = await insertTrip(db, { fare });
    const payerId = await demoUserId(db, 'rider');
    const payment = await db.transaction((tx) =>
      startPayment(tx as Db, {
        tripId: trip.id,
        payerId,
        method: 'card',
        amount: fare,
        paymentMethodId: 'pm_card_visa',
      }),
    );
    await paymentWorker(t, config).drain();
    expect((await paymentRow(t, payment.id)).status).toBe('succeeded');
    return payment;
  }
  const refund = (body: Record<string, unknown>, token = admin) =>
    t.request('POST', '/api/refunds', { token, body });

  it('partial then the rest, through Stripe with the refund id as idempotency key; over-refunds refused', async () => {
    const payment = await paidCardPayment(1500);
    const providerRef = (await paymentRow(t, payment.id)).providerRef;

    const over = await refund({ paymentId: payment.id, amount: 2000, reason: 'Driver took a long detour' });
    expect(over.status).toBe(409);
    expect((await over.json()).error.code).toBe('refund_exceeds_payment');

    const partial = await refund({ paymentId: payment.id, amount: 500, reason: 'Driver took a long detour' });
    expect(partial.status).toBe(201);
    const first = (await partial.json()).refund;
    expect(first).toMatchObject({ paymentId: payment.id, amount: 500, status: 'pending' });

    // Audited and announced to the rider in the same transaction.
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.targetId, first.id));
    expect(audit).toMatchObject({
      action: 'refund.issued',
      targetType: 'refund',
      details: { amount: 500, paymentId: payment.id },
    });
    expect(await outboxRow(t, `refund:${first.id}:issued:email`)).toMatchObject({ topic: 'email' });

    // Reserved while pending: the rest is 1000, not 1500.
    const tooMuch = await refund({ paymentId: payment.id, amount: 1001, reason: 'Second thoughts' });
    expect(tooMuch.status).toBe(409);

    stripe.state.delayNextMs = 3000;
    await paymentWorker(t, config).drain();
    const atStripe = stripe.refunds.filter((r) => r.metadata.refundId === first.id);
    expect(atStripe).toEqual([expect.objectContaining({ amount: 500, payment_intent: providerRef })]);
    const calls = stripe.requests.filter(
      (r) => r.path === '/v1/refunds' && r.params['metadata[refundId]'] === first.id,
    );
    expect(calls.length).toBe(2);
    expect(calls.every((c) => c.idempotencyKey === first.id)).toBe(true);
    expect(await paymentRow(t, payment.id)).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 500,
    });

    const rest = await refund({ paymentId: payment.id, reason: 'Refund the rest' });
    expect(rest.status).toBe(201);
    expect((await rest.json()).refund.amount).toBe(1000);
    await paymentWorker(t, config).drain();
    expect(await paymentRow(t, payment.id)).toMatchObject({ status: 'refunded', refundedAmount: 1500 });
    const none = await refund({ paymentId: payment.id, amount: 1, reason: 'One more franc' });
    expect(none.status).toBe(409);

    const list = await (
      await t.request('GET', `/api/refunds?paymentId=${payment.id}`, { token: admin })
    ).json();
    expect(list.refunds.map((r: { amount: number; status: string }) => [r.amount, r.status]).sort()).toEqual([
      [1000, 'succeeded'],
      [500, 'succeeded'],
    ]);
  });

  it('the same refund submitted twice with one Idempotency-Key refunds once', async () => {
    const payment = await paidCardPayment(1200);
    const body = { paymentId: payment.id, amount: 200, reason: 'Fare was overestimated' };
    const headers = { 'idempotency-key': 'refund-form-attempt-1' };
    const first = await t.request('POST', '/api/refunds', { token: admin, body, headers });
    const again = await t.request('POST', '/api/refunds', { token: admin, body, headers });
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await again.json()).refund.id).toBe((await first.json()).refund.id);
    const rows = await t.database.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(rows).toHaveLength(1);
  });

  const keyed = (body: Record<string, unknown>, key: string) =>
    t.request('POST', '/api/refunds', { token: admin, body, headers: { 'idempotency-key': key } });
  const refundsOf = (paymentId: string) =>
    t.database.db.select().from(refunds).where(eq(refunds.paymentId, paymentId));

  it('one Idempotency-Key with another amount is refused (422) and refunds nothing more', async () => {
    const payment = await paidCardPayment(1400);
    const key = `refund-${randomUUID()}`;
    const body = { paymentId: payment.id, amount: 300, reason: 'Driver took a longer road' };
    expect((await keyed(body, key)).status).toBe(201);
    const other = await keyed({ ...body, amount: 400 }, key);
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('idempotency_key_reused');
    // The same refund with its fields in another order is the same request: replayed.
    const reordered = await keyed({ reason: body.reason, amount: 300, paymentId: payment.id }, key);
    expect(reordered.headers.get('idempotent-replayed')).toBe('true');
    expect((await refundsOf(payment.id)).map((r) => r.amount)).toEqual([300]);
  });

  it('concurrent submissions with one key refund once; the others get it or are told to retry', async () => {
    const payment = await paidCardPayment(1600);
    const key = `refund-${randomUUID()}`;
    const body = { paymentId: payment.id, amount: 250, reason: 'Submitted from two tabs' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => keyed(body, key)));
    expect(await refundsOf(payment.id)).toHaveLength(1);
    const ran = answers.filter((a) => a.status === 201 && a.headers.get('idempotent-replayed') === null);
    expect(ran).toHaveLength(1);
    for (const a of answers) {
      if (a.status === 409) {
        expect(a.headers.get('retry-after')).toBe('1');
        expect((await a.json()).error.code).toBe('request_in_progress');
      } else expect(a.status).toBe(201);
    }
    const after = await keyed(body, key);
    expect(after.headers.get('idempotent-replayed')).toBe('true');
    expect((await after.json()).refund.id).toBe((await ran[0]!.json()).refund.id);
  });

  it('the answer is kept with the refund: a request stuck after its commit is replayed, not refunded again', async () => {
    const payment = await paidCardPayment(1100);
    const key = `refund-${randomUUID()}`;
    const body = { paymentId: payment.id, amount: 100, reason: 'Answer lost after the commit' };
    // The first request commits its refund and then never gets to answer (as if its process died there).
    const tripDocs = t.deps.tripDocs;
    const refresh = tripDocs.refresh.bind(tripDocs);
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    let committed!: () => void;
    const reached = new Promise<void>((r) => {
      committed = r;
    });
    tripDocs.refresh = async (tripId) => {
      committed();
      await held;
      return refresh(tripId);
    };
    try {
      const first = keyed(body, key);
      await reached;
      const retry = await keyed(body, key);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      const [row] = await refundsOf(payment.id);
      expect((await retry.json()).refund.id).toBe(row!.id);
      release();
      expect((await first).status).toBe(201);
    } finally {
      tripDocs.refresh = refresh;
      release();
    }
    expect(await refundsOf(payment.id)).toHaveLength(1);
  });

  // Real Postgres only: it needs a second session holding a row lock, which one-connection PGlite cannot have.
  it.runIf(kind === 'postgres')(
    'a request overtaken after its lease ran out cannot act: of it and its retry exactly one refunds',
    async () => {
      const payment = await paidCardPayment(1300);
      const key = `refund-${randomUUID()}`;
      const body = { paymentId: payment.id, amount: 150, reason: 'First request stalled' };
      const keyRow = async () =>
        (await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, key)))[0];
      let unlock!: () => void;
      const unlocked = new Promise<void>((r) => {
        unlock = r;
      });
      let locked!: () => void;
      const isLocked = new Promise<void>((r) => {
        locked = r;
      });
      t.deps.idempotencyLeaseSeconds = 1;
      // Another session holds the payment row: the first request claims its key, then stalls in its transaction.
      const holder = t.database.db.transaction(async (tx) => {
        await tx.select().from(payments).where(eq(payments.id, payment.id)).for('update');
        locked();
        await unlocked;
      });
      try {
        await isLocked;
        const first = keyed(body, key);
        await expect.poll(keyRow).toBeDefined();
        const claimed = (await keyRow())!.leaseUntil.getTime();
        const early = await keyed(body, key);
        expect(early.status).toBe(409);
        expect(early.headers.get('retry-after')).toBe('1');
        // Past its lease the first request counts as dead: the retry takes the key over and runs.
        await expect.poll(() => Date.now() > claimed).toBe(true);
        const second = keyed(body, key);
        await expect.poll(async () => (await keyRow())!.leaseUntil.getTime()).not.toBe(claimed);
        unlock();
        await holder;
        const [a, b] = await Promise.all([first, second]);
        // The overtaken one finds the key no longer its own when it records its answer, and rolls back.
        expect(a.status).toBe(409);
        expect((await a.json()).error.code).toBe('request_in_progress');
        expect(b.status).toBe(201);
        const rows = await refundsOf(payment.id);
        expect(rows).toHaveLength(1);
        expect((await b.json()).refund.id).toBe(rows[0]!.id);
        const replay = await keyed(body, key);
        expect(replay.headers.get('idempotent-replayed')).toBe('true');
        expect((await replay.json()).refund.id).toBe(rows[0]!.id);
      } finally {
        t.deps.idempotencyLeaseSeconds = undefined;
        unlock();
      }
    },
  );

  it('two concurrent refunds can never return more than was paid', async () => {
    const payment = await paidCardPayment(1500);
    const results = await Promise.all([
      refund({ paymentId: payment.id, amount: 1000, reason: 'Concurrent A' }),
      refund({ paymentId: payment.id, amount: 1000, reason: 'Concurrent B' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    const rows = await t.database.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(rows.reduce((s, r) => s + r.amount, 0)).toBe(1000);
  });

  it('only admins refund; bad input changes nothing', async () => {
    const payment = await paidCardPayment(800);
    const rider = (await t.loginAs('rider')).accessToken;
    const driver = (await t.loginAs('driver')).accessToken;
    expect((await refund({ paymentId: payment.id, reason: 'I want it back' }, rider)).status).toBe(403);
    expect((await refund({ paymentId: payment.id, reason: 'I want it back' }, driver)).status).toBe(403);
    expect((await t.request('GET', '/api/refunds', { token: rider })).status).toBe(403);
    expect((await refund({ paymentId: payment.id, amount: 10.5, reason: 'Half franc' })).status).toBe(400);
    expect((await refund({ paymentId: payment.id, amount: 100, reason: 'x' })).status).toBe(400);
    expect(
      (await refund({ paymentId: '6b1f7b4e-3a8f-4e59-9a55-2a4c4bb7c0ff', reason: 'No such payment' })).status,
    ).toBe(404);
    const rows = await t.database.db
      .select()
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id)));
    expect(rows).toHaveLength(0);
    expect(await paymentRow(t, payment.id)).toMatchObject({ status: 'succeeded', refundedAmount: 0 });
  });
});

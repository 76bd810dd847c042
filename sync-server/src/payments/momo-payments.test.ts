import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, payments, refunds } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import type { PaymentsConfig } from './payment-providers';
import { type FakeMomo, fakeMomo } from './test-support/fake-momo';
import { outboxRow, paymentRow, paymentWorker, recheckNow } from './test-support/payment-harness';
import { insertTrip } from './test-support/trip-fixture';

const creds = {
  apiUser: '0f7d6a4c-2a1e-4a51-9a6a-0c1e1d2f3a4b',
  apiKey: 'momo-api-key',
  subscriptionKey: 'momo-subscription-key',
  environment: 'mtnrwanda',
};

describe.each(testDatabaseKinds)('MTN MoMo request-to-pay on %s', (kind) => {
  let t: TestApp;
  let momo: FakeMomo;
  let config: PaymentsConfig;
  let rider: string;

  beforeAll(async () => {
    momo = await fakeMomo(creds);
    config = {
      momo: {
        baseUrl: momo.url,
        subscriptionKey: creds.subscriptionKey,
        apiUser: creds.apiUser,
        apiKey: creds.apiKey,
        targetEnvironment: creds.environment,
        callbackUrl: 'https://kigaligo.example/api/webhooks/momo',
      },
    };
    t = await createTestApp(kind);
    rider = (await t.loginAs('rider')).accessToken;
  });
  afterAll(async () => {
    await t.dispose();
    await momo.close();
  });

  const rechecksOf = (paymentId: string) =>
    t.database.db
      .select()
      .from(outbox)
      .where(
        and(
          eq(outbox.topic, 'payment.recheck'),
          like(outbox.idempotencyKey, `payment:${paymentId}:recheck:%`),
        ),
      );

  const pay = (tripId: string, payerPhone: string) =>
    t.request('POST', '/api/payments', {
      token: rider,
      body: { tripId, method: 'mobile_money', payerPhone },
    });

  it('requests to pay with the payment key as X-Reference-Id and polls until SUCCESSFUL, then refunds', async () => {
    const trip = await insertTrip(t.database.db, { method: 'mobile_money', fare: 1200 });
    momo.state.pendingPolls = 2;
    const { payment } = await (await pay(trip.id, '+250 788 123 456')).json();
    expect(payment).toMatchObject({ provider: 'mtn_momo', status: 'pending' });
    const { drain } = paymentWorker(t, config, 6);
    await drain();
    const row = await paymentRow(t, payment.id);
    expect(row).toMatchObject({ status: 'succeeded', providerRef: row.idempotencyKey });
    const sent = momo.transfers.get(row.idempotencyKey)!;
    expect(sent.body).toEqual({
      amount: '1200',
      currency: 'RWF',
      externalId: payment.id,
      payer: { partyIdType: 'MSISDN', partyId: '250788123456' },
      payerMessage: 'KigaliGo trip',
      payeeNote: `Trip ${trip.id}`,
    });
    // Three attempts (two PENDING polls); the repeated POSTs were recognised by their reference id.
    expect(await outboxRow(t, `payment:${payment.id}:charge`)).toMatchObject({ status: 'sent', attempts: 3 });
    expect(momo.state.duplicates).toBe(2);
    expect(
      [...momo.transfers.values()].filter(
        (x) => x.kind === 'requesttopay' && x.body.externalId === payment.id,
      ),
    ).toHaveLength(1);

    const admin = (await t.loginAs('admin')).accessToken;
    const res = await t.request('POST', '/api/refunds', {
      token: admin,
      body: { paymentId: payment.id, amount: 200, reason: 'Short ride' },
    });
    expect(res.status).toBe(201);
    const { refund } = await res.json();
    await drain();
    const refunded = momo.transfers.get(refund.id)!;
    expect(refunded).toMatchObject({
      kind: 'refund',
      body: { amount: '200', referenceIdToRefund: row.idempotencyKey, externalId: refund.id },
    });
    expect(await paymentRow(t, payment.id)).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 200,
    });
  });

  it('a rejected prompt fails the payment; Airtel numbers are refused with a reason while only MTN is set up', async () => {
    momo.state.pendingPolls = 0;
    momo.state.rejecting.add('250788999000');
    const trip = await insertTrip(t.database.db, { method: 'mobile_money' });
    const { payment } = await (await pay(trip.id, '+250788999000')).json();
    const airtelTrip = await insertTrip(t.database.db, { method: 'mobile_money' });
    const airtel = (await (await pay(airtelTrip.id, '+250722000111')).json()).payment;
    expect(airtel.provider).toBe('airtel_money');
    await paymentWorker(t, config).drain();
    expect(await paymentRow(t, payment.id)).toMatchObject({
      status: 'failed',
      failureReason: 'APPROVAL_REJECTED',
    });
    expect((await paymentRow(t, airtel.id)).status).toBe('failed');
    expect((await paymentRow(t, airtel.id)).failureReason).toMatch(/Airtel Money is not available/);
  });

  it('a prompt left PENDING for more polls than the retry limit is still polled, then SUCCESSFUL', async () => {
    momo.state.pendingPolls = 8;
    const trip = await insertTrip(t.database.db, { method: 'mobile_money' });
    const { payment } = await (await pay(trip.id, '+250788555111')).json();
    const { worker } = paymentWorker(t, config, 3);
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 3));
      await worker.runOnce();
    }
    // Past the three attempts a failure would get, the payment awaits the rider's approval, not failed.
    expect((await paymentRow(t, payment.id)).status).toBe('processing');
    expect(await outboxRow(t, `payment:${payment.id}:charge`)).toMatchObject({ status: 'pending' });
    await paymentWorker(t, config, 3).drain();
    expect((await paymentRow(t, payment.id)).status).toBe('succeeded');
    expect(await outboxRow(t, `payment:${payment.id}:charge`)).toMatchObject({ status: 'sent', attempts: 9 });
  });

  it('a prompt PENDING past the retry limit that MoMo then fails (rejected, expired) fails the payment', async () => {
    momo.state.pendingPolls = 6;
    momo.state.rejecting.add('250788555222');
    const trip = await insertTrip(t.database.db, { method: 'mobile_money' });
    const { payment } = await (await pay(trip.id, '+250788555222')).json();
    await paymentWorker(t, config, 3).drain();
    expect(await paymentRow(t, payment.id)).toMatchObject({
      status: 'failed',
      failureReason: 'APPROVAL_REJECTED',
    });
    expect(await outboxRow(t, `payment:${payment.id}:charge`)).toMatchObject({ status: 'sent', attempts: 7 });
  });

  it('a timeout after a long PENDING is one failure, not the last: polled on until SUCCESSFUL', async () => {
    momo.state.pendingPolls = 5;
    const trip = await insertTrip(t.database.db, { method: 'mobile_money' });
    const { payment } = await (await pay(trip.id, '+250788555333')).json();
    const { worker } = paymentWorker(t, config, 3);
    const poll = async () => {
      await new Promise((r) => setTimeout(r, 3));
      await worker.runOnce();
    };
    for (let i = 0; i < 5; i++) await poll();
    // Five "not decided yet" answers, more than the three failures a message may have; then MoMo times out once.
    momo.state.down = true;
    await poll();
    momo.state.down = false;
    expect(await outboxRow(t, `payment:${payment.id}:charge`)).toMatchObject({
      status: 'pending',
      failures: 1,
    });
    expect((await paymentRow(t, payment.id)).status).toBe('processing');
    await paymentWorker(t, config, 3).drain();
    expect((await paymentRow(t, payment.id)).status).toBe('succeeded');
  });

  it('MoMo’s callback has a pending collection asked about at once; the callback itself is not believed', async () => {
    const trip = await insertTrip(t.database.db, { method: 'mobile_money', fare: 1300 });
    momo.state.pendingPolls = 1;
    const { payment } = await (await pay(trip.id, '+250788555111')).json();
    const { worker, drain } = paymentWorker(t, config, 6);
    await worker.runOnce();
    const row = await paymentRow(t, payment.id);
    expect(row.status).toBe('processing');
    expect(momo.transfers.get(row.idempotencyKey)?.callbackUrl).toBe(
      'https://kigaligo.example/api/webhooks/momo',
    );
    // The next poll far ahead, as after a long PENDING.
    const key = `payment:${payment.id}:charge`;
    const later = new Date(Date.now() + 3_600_000);
    await t.database.db.update(outbox).set({ nextAttemptAt: later }).where(eq(outbox.idempotencyKey, key));
    const callback = (method: 'POST' | 'PUT', body: unknown) =>
      t.request(method, '/api/webhooks/momo', { body: body as Record<string, unknown> });
    // Naming nothing of ours: the same answer, nothing moves; not a callback at all: 400.
    for (const externalId of [crypto.randomUUID(), 'not-ours'])
      expect((await callback('POST', { externalId, status: 'SUCCESSFUL' })).status).toBe(200);
    expect((await callback('POST', { nope: 1 })).status).toBe(400);
    expect((await outboxRow(t, key))!.nextAttemptAt.getTime()).toBe(later.getTime());
    // MoMo says it is final: asked now, and MoMo's own status decides.
    const said = await callback('PUT', {
      externalId: payment.id,
      status: 'SUCCESSFUL',
      financialTransactionId: '1',
    });
    expect(await said.json()).toEqual({ received: true });
    expect((await outboxRow(t, key))!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
    expect((await paymentRow(t, payment.id)).status).toBe('processing');
    await drain();
    expect((await paymentRow(t, payment.id)).status).toBe('succeeded');
  });

  it('MoMo down: the charge is retried, then dead-lettered and the payment fails', async () => {
    momo.state.down = true;
    const trip = await insertTrip(t.database.db, { method: 'mobile_money' });
    const { payment } = await (await pay(trip.id, '+250789000111')).json();
    await paymentWorker(t, config, 3).drain();
    expect(await outboxRow(t, `payment:${payment.id}:charge`)).toMatchObject({
      status: 'dead',
      attempts: 3,
      failures: 3,
    });
    expect((await paymentRow(t, payment.id)).status).toBe('failed');
    // Asked again once MoMo answers: it never received the request, so nothing was collected.
    momo.state.down = false;
    await recheckNow(t);
    await paymentWorker(t, config, 3).drain();
    const [recheck] = await rechecksOf(payment.id);
    expect(recheck).toMatchObject({ status: 'sent', result: { settled: 'never reached the provider' } });
    expect((await paymentRow(t, payment.id)).status).toBe('failed');
  });

  it('a collection approved while MoMo could not be read, after the rider paid cash, is found and refunded on its own', async () => {
    const trip = await insertTrip(t.database.db, { method: 'mobile_money', fare: 1700 });
    momo.state.statusDown = true;
    momo.state.pendingPolls = 0;
    const { payment } = await (await pay(trip.id, '+250789000222')).json();
    await paymentWorker(t, config, 3)
      .drain()
      .catch(() => undefined);
    expect(await paymentRow(t, payment.id)).toMatchObject({
      status: 'failed',
      failureReason: 'the payment provider did not answer',
    });
    // The rider was told it failed and paid the driver in cash instead.
    const cash = await t.request('POST', '/api/payments', {
      token: rider,
      body: { tripId: trip.id, method: 'cash' },
    });
    expect(cash.status).toBe(201);

    // MoMo answers again: the prompt had been approved. Collected after all, then given back.
    momo.state.statusDown = false;
    await recheckNow(t);
    await paymentWorker(t, config, 3).drain();
    const [recheck] = await rechecksOf(payment.id);
    expect(recheck).toMatchObject({ status: 'sent', result: { status: 'succeeded' } });
    const row = await paymentRow(t, payment.id);
    expect(row).toMatchObject({ status: 'refunded', refundedAmount: 1700 });
    const [refund] = await t.database.db.select().from(refunds).where(eq(refunds.paymentId, payment.id));
    expect(refund).toMatchObject({ origin: 'duplicate_payment', amount: 1700, status: 'succeeded' });
    expect(momo.transfers.get(refund!.id)?.body).toMatchObject({ referenceIdToRefund: row.idempotencyKey });
    const methods = await t.database.db.select().from(payments).where(eq(payments.tripId, trip.id));
    expect(methods.map((p) => `${p.method}:${p.status}`).sort()).toEqual([
      'cash:pending',
      'mobile_money:refunded',
    ]);
    // Admins read how it came about on the trip; the rider does not see the provider calls.
    const admin = (await t.loginAs('admin')).accessToken;
    const detail = await (await t.request('GET', `/api/trips/${trip.id}`, { token: admin })).json();
    expect(
      detail.providerCalls.map((m: { topic: string; status: string }) => `${m.topic}:${m.status}`),
    ).toEqual(['payment.charge:dead', 'payment.recheck:sent', 'payment.refund:sent']);
    expect(detail.providerCalls[0]).toMatchObject({ failures: 3, lastError: expect.stringMatching(/503/) });
    const mine = await (await t.request('GET', `/api/trips/${trip.id}`, { token: rider })).json();
    expect(mine.providerCalls).toBeUndefined();
    momo.state.pendingPolls = 1;
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import type { PaymentsConfig } from './payment-providers';
import { type FakeAirtel, fakeAirtel } from './test-support/fake-airtel';
import { outboxRow, paymentRow, paymentWorker, recheckNow } from './test-support/payment-harness';
import { insertTrip } from './test-support/trip-fixture';

const creds = {
  clientId: 'airtel-client-id',
  clientSecret: 'airtel-client-secret',
  country: 'RW',
  currency: 'RWF',
  pin: 'rsa-encrypted-pin==',
};

describe.each(testDatabaseKinds)('Airtel Money collections and disbursements on %s', (kind) => {
  let t: TestApp;
  let airtel: FakeAirtel;
  let config: PaymentsConfig;
  let rider: string;

  beforeAll(async () => {
    airtel = await fakeAirtel(creds);
    config = {
      airtel: {
        baseUrl: airtel.url,
        clientId: creds.clientId,
        clientSecret: creds.clientSecret,
        encryptedPin: creds.pin,
        timeoutMs: 300,
      },
    };
    t = await createTestApp(kind);
    rider = (await t.loginAs('rider')).accessToken;
  });
  afterAll(async () => {
    await t.dispose();
    await airtel.close();
  });

  const pay = (tripId: string, payerPhone: string) =>
    t.request('POST', '/api/payments', {
      token: rider,
      body: { tripId, method: 'mobile_money', payerPhone },
    });

  it('collects from an Airtel number, enquires until TS without creating twice, then refunds by disbursement', async () => {
    const trip = await insertTrip(t.database.db, { method: 'mobile_money', fare: 1500 });
    airtel.state.pendingPolls = 2;
    const { payment } = await (await pay(trip.id, '+250 722 000 111')).json();
    expect(payment).toMatchObject({ provider: 'airtel_money', status: 'pending' });
    const { drain } = paymentWorker(t, config, 6);
    await drain();
    const row = await paymentRow(t, payment.id);
    expect(row).toMatchObject({ status: 'succeeded', providerRef: row.idempotencyKey });
    expect(airtel.txns.get(row.idempotencyKey)!.body).toEqual({
      reference: `KigaliGo trip ${trip.id}`,
      subscriber: { country: 'RW', currency: 'RWF', msisdn: '722000111' },
      transaction: { amount: 1500, country: 'RW', currency: 'RWF', id: row.idempotencyKey },
    });
    // Each retry enquired first and found the transaction: one payment at Airtel, never a duplicate create.
    expect(airtel.state.duplicates).toBe(0);
    expect([...airtel.txns.values()].filter((x) => x.kind === 'payment')).toHaveLength(1);

    const admin = (await t.loginAs('admin')).accessToken;
    const res = await t.request('POST', '/api/refunds', {
      token: admin,
      body: { paymentId: payment.id, amount: 500, reason: 'Short ride' },
    });
    expect(res.status).toBe(201);
    const { refund } = await res.json();
    await drain();
    expect(airtel.txns.get(refund.id)).toMatchObject({
      kind: 'disbursement',
      body: { payee: { msisdn: '722000111' }, pin: creds.pin, transaction: { amount: 500, id: refund.id } },
    });
    expect(await paymentRow(t, payment.id)).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 500,
    });
  });

  it('a declined prompt fails the payment with Airtel’s reason', async () => {
    airtel.state.pendingPolls = 0;
    airtel.state.rejecting.add('733000999');
    const trip = await insertTrip(t.database.db, { method: 'mobile_money' });
    const { payment } = await (await pay(trip.id, '+250733000999')).json();
    await paymentWorker(t, config).drain();
    expect(await paymentRow(t, payment.id)).toMatchObject({
      status: 'failed',
      failureReason: 'Transaction declined by the subscriber',
    });
  });

  it('a transaction in progress (TIP) past the retry limit is still enquired about, then TS or TF', async () => {
    airtel.state.pendingPolls = 6;
    airtel.state.rejecting.add('733000888');
    const paid = await insertTrip(t.database.db, { method: 'mobile_money' });
    const declined = await insertTrip(t.database.db, { method: 'mobile_money' });
    const ok = (await (await pay(paid.id, '+250722000555')).json()).payment;
    const no = (await (await pay(declined.id, '+250733000888')).json()).payment;
    const { worker } = paymentWorker(t, config, 3);
    for (let i = 0; i < 4; i++) {
      await new Promise((r) => setTimeout(r, 3));
      await worker.runOnce();
    }
    // Past the three attempts a failure would get, both await the rider's approval.
    expect((await paymentRow(t, ok.id)).status).toBe('processing');
    expect((await paymentRow(t, no.id)).status).toBe('processing');
    await paymentWorker(t, config, 3).drain();
    expect((await paymentRow(t, ok.id)).status).toBe('succeeded');
    expect(await paymentRow(t, no.id)).toMatchObject({
      status: 'failed',
      failureReason: 'Transaction declined by the subscriber',
    });
    expect(await outboxRow(t, `payment:${ok.id}:charge`)).toMatchObject({ status: 'sent', attempts: 7 });
  });

  it('Airtel never answering: each attempt times out, then the charge is dead-lettered and the payment fails', async () => {
    airtel.state.hang = true;
    const trip = await insertTrip(t.database.db, { method: 'mobile_money' });
    const { payment } = await (await pay(trip.id, '+250722111222')).json();
    await paymentWorker(t, config, 2).drain();
    expect(await outboxRow(t, `payment:${payment.id}:charge`)).toMatchObject({ status: 'dead', attempts: 2 });
    expect((await paymentRow(t, payment.id)).status).toBe('failed');
    // Asked again once Airtel answers: it never received the collection, so nothing was taken.
    airtel.state.hang = false;
    await recheckNow(t);
    await paymentWorker(t, config, 2).drain();
    const [recheck] = await t.database.db.select().from(outbox).where(eq(outbox.topic, 'payment.recheck'));
    expect(recheck).toMatchObject({
      status: 'sent',
      payload: { paymentId: payment.id, provider: 'airtel_money' },
      result: { settled: 'never reached the provider' },
    });
    expect((await paymentRow(t, payment.id)).status).toBe('failed');
  });
});

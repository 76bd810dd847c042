import { eq, like } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, payments, refunds, trips, users, webhookEvents } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { type PaymentsConfig, paymentProvidersFrom } from './payment-providers';
import { type FakeStripe, fakeStripe } from './test-support/fake-stripe';
import { outboxRow, paymentRow, paymentWorker } from './test-support/payment-harness';
import { demoUserId, insertTrip } from './test-support/trip-fixture';

const WEBHOOK_SECRET = 'whsec_test_kigaligo';

describe.each(testDatabaseKinds)('card payments through the Stripe SDK on %s', (kind) => {
  let t: TestApp;
  let stripe: FakeStripe;
  let config: PaymentsConfig;
  let rider: string;
  const signer = new Stripe('sk_test_signer');

  beforeAll(async () => {
    stripe = await fakeStripe();
    config = {
      // A short SDK timeout so the delayed answer below is a timeout; not a timing assertion.
      stripe: {
        secretKey: 'sk_test_kigaligo',
        host: '127.0.0.1',
        port: stripe.port,
        protocol: 'http',
        timeoutMs: 400,
      },
    };
    t = await createTestApp(kind, {
      stripeWebhook: { stripe: new Stripe('sk_test_x'), secret: WEBHOOK_SECRET },
      cards: paymentProvidersFrom(config).cards,
    });
    rider = (await t.loginAs('rider')).accessToken;
  });
  afterAll(async () => {
    await t.dispose();
    await stripe.close();
  });

  const pay = (tripId: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    t.request('POST', '/api/payments', { token: rider, body: { tripId, method: 'card', ...body }, headers });

  const webhook = (event: Record<string, unknown>, secret = WEBHOOK_SECRET) => {
    const payload = JSON.stringify(event);
    const header = signer.webhooks.generateTestHeaderString({ payload, secret });
    return t.request('POST', '/api/webhooks/stripe', {
      body: payload,
      headers: { 'stripe-signature': header },
    });
  };
  const intentEvent = (id: string, type: string, pi: { id: string; metadata: Record<string, string> }) => ({
    id,
    object: 'event',
    type,
    data: { object: { object: 'payment_intent', last_payment_error: null, ...pi } },
  });

  it('creates and confirms a PaymentIntent in whole RWF with the payment idempotency key', async () => {
    const trip = await insertTrip(t.database.db, { fare: 1500 });
    const key = { 'Idempotency-Key': `attempt-${trip.id}` };
    const res = await pay(trip.id, { paymentMethodId: 'pm_card_visa' }, key);
    expect(res.status).toBe(201);
    const { payment } = await res.json();
    expect(payment).toMatchObject({
      tripId: trip.id,
      method: 'card',
      provider: 'stripe',
      status: 'pending',
      amount: 1500,
    });

    await paymentWorker(t, config).drain();
    const row = await paymentRow(t, payment.id);
    expect(row.status).toBe('succeeded');
    const sent = stripe.requests.filter((r) => r.params['metadata[paymentId]'] === payment.id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      path: '/v1/payment_intents',
      idempotencyKey: row.idempotencyKey,
      params: { amount: '1500', currency: 'rwf', payment_method: 'pm_card_visa', confirm: 'true' },
    });
    expect(row.providerRef).toBe(stripe.intents.get(row.providerRef!)!.id);
    expect(await outboxRow(t, `payment:${payment.id}:charge`)).toMatchObject({
      status: 'sent',
      result: { provider: 'stripe', status: 'succeeded', providerRef: row.providerRef },
    });
    // The same Idempotency-Key from the rider (a retried request) is the same payment, charged once: the first
    // answer is replayed.
    const again = await pay(trip.id, { paymentMethodId: 'pm_card_visa' }, key);
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await again.json()).payment.id).toBe(payment.id);
    // The same key for another payment request is refused, and nothing is charged for it.
    const other = await pay(trip.id, { paymentMethodId: 'pm_card_mastercard' }, key);
    expect(other.status).toBe(422);
    expect((await other.json()).error.code).toBe('idempotency_key_reused');
    expect(await t.database.db.select().from(payments).where(eq(payments.tripId, trip.id))).toHaveLength(1);
  });

  it('a call retried after a timeout and a webhook delivered twice make one charge and one succeeded payment', async () => {
    const trip = await insertTrip(t.database.db, { fare: 2300 });
    const { payment } = await (await pay(trip.id, { paymentMethodId: 'pm_card_visa' })).json();
    stripe.state.delayNextMs = 3000;
    const { worker, drain } = paymentWorker(t, config);
    await worker.runOnce();
    const afterTimeout = await outboxRow(t, `payment:${payment.id}:charge`);
    expect(afterTimeout).toMatchObject({ status: 'pending', attempts: 1 });
    expect(afterTimeout!.lastError).toMatch(/timed out|timeout|connection/i);
    expect((await paymentRow(t, payment.id)).status).toBe('processing');

    await drain();
    const row = await paymentRow(t, payment.id);
    expect(row.status).toBe('succeeded');
    const calls = stripe.requests.filter((r) => r.params['metadata[paymentId]'] === payment.id);
    expect(calls.length).toBe(2);
    expect(new Set(calls.map((c) => c.idempotencyKey))).toEqual(new Set([row.idempotencyKey]));
    expect([...stripe.intents.values()].filter((i) => i.metadata.paymentId === payment.id)).toHaveLength(1);

    const event = intentEvent('evt_dup_1', 'payment_intent.succeeded', {
      id: row.providerRef!,
      metadata: { paymentId: payment.id },
    });
    expect(await (await webhook(event)).json()).toEqual({ received: true, duplicate: false });
    expect(await (await webhook(event)).json()).toEqual({ received: true, duplicate: true });
    // Out of order: a failure reported after the success changes nothing.
    await webhook(
      intentEvent('evt_late_fail', 'payment_intent.payment_failed', {
        id: row.providerRef!,
        metadata: { paymentId: payment.id },
      }),
    );
    const all = await t.database.db.select().from(payments).where(eq(payments.tripId, trip.id));
    expect(all.map((p) => p.status)).toEqual(['succeeded']);
  });

  it('a webhook with a bad signature is refused with 400 and changes nothing', async () => {
    const trip = await insertTrip(t.database.db);
    const { payment } = await (await pay(trip.id)).json();
    await paymentWorker(t, config).drain();
    const before = await paymentRow(t, payment.id);
    expect(before.status).toBe('processing');
    const eventsBefore = await t.database.db.select().from(webhookEvents);
    const event = intentEvent('evt_forged', 'payment_intent.succeeded', {
      id: before.providerRef!,
      metadata: { paymentId: payment.id },
    });
    const forged = await webhook(event, 'whsec_not_ours');
    expect(forged.status).toBe(400);
    expect((await forged.json()).error.code).toBe('invalid_signature');
    const unsigned = await t.request('POST', '/api/webhooks/stripe', { body: JSON.stringify(event) });
    expect(unsigned.status).toBe(400);
    expect(await paymentRow(t, payment.id)).toEqual(before);
    expect(await t.database.db.select().from(webhookEvents)).toEqual(eventsBefore);
  });

  it('without a payment method the intent waits for the rider, then the webhook settles it', async () => {
    const trip = await insertTrip(t.database.db);
    const { payment } = await (await pay(trip.id)).json();
    await paymentWorker(t, config).drain();
    const list = await (await t.request('GET', `/api/payments?tripId=${trip.id}`, { token: rider })).json();
    expect(list.payments[0]).toMatchObject({ id: payment.id, status: 'processing' });
    expect(list.payments[0].clientSecret).toMatch(/_secret_/);
    const row = await paymentRow(t, payment.id);
    const res = await webhook(
      intentEvent('evt_ok_2', 'payment_intent.succeeded', {
        id: row.providerRef!,
        metadata: { paymentId: payment.id },
      }),
    );
    expect(res.status).toBe(200);
    expect((await paymentRow(t, payment.id)).status).toBe('succeeded');
  });

  it('a card confirmed after the rider switched to cash is refunded on its own, once, and the rider is told', async () => {
    const trip = await insertTrip(t.database.db, { fare: 2300 });
    const { payment } = await (await pay(trip.id)).json();
    await paymentWorker(t, config).drain();
    const intentId = (await paymentRow(t, payment.id)).providerRef!;
    // Offline, the rider chose cash instead; the card form was still open in another tab, and went through.
    const cash = await t.request('POST', '/api/payments', {
      token: rider,
      body: { tripId: trip.id, method: 'cash' },
    });
    expect(cash.status).toBe(201);
    const secret = stripe.intents.get(intentId)!.client_secret;
    const confirmed = await fetch(`${stripe.url}/v1/payment_intents/${intentId}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        key: 'pk_test_kigaligo',
        client_secret: secret,
        payment_method: 'pm_card_visa',
      }),
    });
    expect(confirmed.status).toBe(200);
    const event = intentEvent('evt_card_after_cash', 'payment_intent.succeeded', {
      id: intentId,
      metadata: { paymentId: payment.id },
    });
    expect((await webhook(event)).status).toBe(200);
    expect((await webhook(event)).status).toBe(200);

    const [refund, ...more] = await t.database.db
      .select()
      .from(refunds)
      .where(eq(refunds.paymentId, payment.id));
    expect(more).toHaveLength(0);
    expect(refund).toMatchObject({
      amount: 2300,
      origin: 'duplicate_payment',
      createdBy: null,
      status: 'pending',
    });
    const told = await outboxRow(t, `refund:${refund!.id}:issued:email`);
    expect(told?.payload).toMatchObject({ subject: 'KigaliGo: You paid twice: refund on its way' });
    // No receipt for money that goes straight back.
    expect(await outboxRow(t, `payment:${payment.id}:receipt:email`)).toBeUndefined();

    await paymentWorker(t, config).drain();
    expect(stripe.refunds.filter((r) => r.payment_intent === intentId)).toHaveLength(1);
    expect(await paymentRow(t, payment.id)).toMatchObject({ status: 'refunded', refundedAmount: 2300 });
    const rows = await t.database.db.select().from(payments).where(eq(payments.tripId, trip.id));
    expect(rows.map((r) => `${r.method}:${r.status}`).sort()).toEqual(['card:refunded', 'cash:pending']);
  });

  it('card payments carry the rider’s Stripe Customer, made once, and only the payer gets a Customer Session for saved cards', async () => {
    const first = await insertTrip(t.database.db, { fare: 1100 });
    const second = await insertTrip(t.database.db, { fare: 1200 });
    const { payment: a } = await (await pay(first.id)).json();
    const { payment: b } = await (await pay(second.id)).json();
    await paymentWorker(t, config).drain();
    const riderId = (await paymentRow(t, a.id)).payerId;
    const [user] = await t.database.db.select().from(users).where(eq(users.id, riderId));
    expect(user!.stripeCustomerId).toMatch(/^cus_/);
    expect([...stripe.customers.values()].filter((c) => c.userId === riderId)).toHaveLength(1);
    for (const p of [a, b]) {
      const intent = stripe.intents.get((await paymentRow(t, p.id)).providerRef!)!;
      expect(intent.customer).toBe(user!.stripeCustomerId);
    }

    const mine = await (await t.request('GET', `/api/payments?tripId=${first.id}`, { token: rider })).json();
    expect(mine.payments[0]).toMatchObject({
      clientSecret: expect.stringMatching(/_secret_/),
      customerSessionClientSecret: expect.stringMatching(/^cuss_secret_/),
    });
    expect(stripe.sessions.at(-1)).toMatchObject({
      customer: user!.stripeCustomerId,
      params: {
        'components[payment_element][features][payment_method_save]': 'enabled',
        'components[payment_element][features][payment_method_remove]': 'enabled',
      },
    });
    const admin = (await t.loginAs('admin')).accessToken;
    const seen = await (await t.request('GET', `/api/payments?tripId=${first.id}`, { token: admin })).json();
    expect(seen.payments[0].customerSessionClientSecret).toBeUndefined();
  });

  it('a card declined in the Payment Element leaves the payment waiting for another card; the next card pays', async () => {
    const trip = await insertTrip(t.database.db, { fare: 1900 });
    const { payment } = await (await pay(trip.id)).json();
    await paymentWorker(t, config).drain();
    const intentId = (await paymentRow(t, payment.id)).providerRef!;
    const secret = stripe.intents.get(intentId)!.client_secret;
    const confirm = (pm: string) =>
      fetch(`${stripe.url}/v1/payment_intents/${intentId}/confirm`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ key: 'pk_test_kigaligo', client_secret: secret, payment_method: pm }),
      });
    // Stripe.js shows the decline in the form, and Stripe tells the webhook too.
    expect((await confirm('pm_card_chargeDeclined')).status).toBe(402);
    const declined = stripe.intentWebhook(intentId, 'payment_intent.payment_failed', WEBHOOK_SECRET);
    const res = await t.request('POST', '/api/webhooks/stripe', {
      body: declined.body,
      headers: { 'stripe-signature': declined.signature },
    });
    expect(res.status).toBe(200);
    expect(await paymentRow(t, payment.id)).toMatchObject({ status: 'processing', failureReason: null });
    const still = await (await t.request('GET', `/api/payments?tripId=${trip.id}`, { token: rider })).json();
    expect(still.payments[0].clientSecret).toBe(secret);
    const told = await t.database.db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, `payment:${payment.id}:failed:%`));
    expect(told).toHaveLength(0);

    expect((await confirm('pm_card_visa')).status).toBe(200);
    const paid = stripe.intentWebhook(intentId, 'payment_intent.succeeded', WEBHOOK_SECRET);
    await t.request('POST', '/api/webhooks/stripe', {
      body: paid.body,
      headers: { 'stripe-signature': paid.signature },
    });
    expect((await paymentRow(t, payment.id)).status).toBe('succeeded');
  });

  it('a rider saves a card without paying: a SetupIntent on their Customer, with their saved cards listed', async () => {
    const res = await t.request('POST', '/api/me/cards/setup', { token: rider });
    expect(res.status).toBe(200);
    const setup = await res.json();
    expect(setup).toEqual({
      clientSecret: expect.stringMatching(/^seti_\w+_secret_/),
      customerSessionClientSecret: expect.stringMatching(/^cuss_secret_/),
    });
    const [intent] = [...stripe.setupIntents.values()].filter((i) => i.client_secret === setup.clientSecret);
    const riderId = await demoUserId(t.database.db, 'rider');
    const [user] = await t.database.db.select().from(users).where(eq(users.id, riderId));
    expect(intent).toMatchObject({ customer: user!.stripeCustomerId, usage: 'on_session' });
    const driver = (await t.loginAs('driver')).accessToken;
    expect((await t.request('POST', '/api/me/cards/setup', { token: driver })).status).toBe(403);
  });

  it('3-D Secure: requires_action waits for the rider with the client secret, the webhook settles it once', async () => {
    const trip = await insertTrip(t.database.db, { fare: 4100 });
    const res = await pay(trip.id, { paymentMethodId: 'pm_card_authenticationRequired' });
    const { payment } = await res.json();
    await paymentWorker(t, config).drain();
    const waiting = await paymentRow(t, payment.id);
    expect(waiting.status).toBe('processing');
    const intent = stripe.intents.get(waiting.providerRef!)!;
    expect(intent.status).toBe('requires_action');
    // Only the rider who pays sees the client secret Stripe.js completes the challenge with.
    const mine = await (await t.request('GET', `/api/payments?tripId=${trip.id}`, { token: rider })).json();
    expect(mine.payments[0]).toMatchObject({ id: payment.id, status: 'processing' });
    expect(mine.payments[0].clientSecret).toBe(intent.client_secret);
    const admin = (await t.loginAs('admin')).accessToken;
    const seen = await (await t.request('GET', `/api/payments?tripId=${trip.id}`, { token: admin })).json();
    expect(seen.payments[0].clientSecret).toBeUndefined();
    const [tripBefore] = await t.database.db.select().from(trips).where(eq(trips.id, trip.id));
    expect(tripBefore!.status).toBe('completed');

    // The challenge passed in the app: Stripe tells us, and tells us again.
    const event = intentEvent('evt_3ds_ok', 'payment_intent.succeeded', {
      id: intent.id,
      metadata: { paymentId: payment.id },
    });
    expect(await (await webhook(event)).json()).toEqual({ received: true, duplicate: false });
    expect(await (await webhook(event)).json()).toEqual({ received: true, duplicate: true });
    expect(await paymentRow(t, payment.id)).toMatchObject({ status: 'succeeded', providerRef: intent.id });
    // Paid: no client secret is handed out any more.
    const after = await (await t.request('GET', `/api/payments?tripId=${trip.id}`, { token: rider })).json();
    expect(after.payments[0].clientSecret).toBeUndefined();
    expect([...stripe.intents.values()].filter((i) => i.metadata.paymentId === payment.id)).toHaveLength(1);
  });

  it("3-D Secure failed: the webhook fails the payment with Stripe's reason and the rider may pay again", async () => {
    const trip = await insertTrip(t.database.db, { fare: 1800 });
    const { payment } = await (
      await pay(trip.id, { paymentMethodId: 'pm_card_authenticationRequired' })
    ).json();
    await paymentWorker(t, config).drain();
    const row = await paymentRow(t, payment.id);
    await webhook(
      intentEvent('evt_3ds_fail', 'payment_intent.payment_failed', {
        id: row.providerRef!,
        metadata: { paymentId: payment.id },
        last_payment_error: { message: 'We are unable to authenticate your payment method.' },
      } as { id: string; metadata: Record<string, string> }),
    );
    expect(await paymentRow(t, payment.id)).toMatchObject({
      status: 'failed',
      failureReason: 'We are unable to authenticate your payment method.',
    });
    const again = await t.request('POST', '/api/payments', {
      token: rider,
      body: { tripId: trip.id, method: 'cash' },
    });
    expect(again.status).toBe(201);
  });

  it('a declined card fails the payment and tells the rider', async () => {
    const trip = await insertTrip(t.database.db);
    const { payment } = await (await pay(trip.id, { paymentMethodId: 'pm_card_chargeDeclined' })).json();
    await paymentWorker(t, config).drain();
    const row = await paymentRow(t, payment.id);
    expect(row).toMatchObject({ status: 'failed', failureReason: 'Your card was declined.' });
    const emails = await t.database.db.select().from(outbox).where(eq(outbox.topic, 'email'));
    expect(emails.some((e) => e.idempotencyKey.startsWith(`payment:${payment.id}:failed:`))).toBe(true);
  });

  it('provider down: retries, dead letter, payment failed, trip unchanged; an admin retry charges once', async () => {
    const trip = await insertTrip(t.database.db, { status: 'completed' });
    const { payment } = await (await pay(trip.id, { paymentMethodId: 'pm_card_visa' })).json();
    stripe.state.failNext = 100;
    const { drain } = paymentWorker(t, config, 3);
    await drain();
    const dead = await outboxRow(t, `payment:${payment.id}:charge`);
    expect(dead).toMatchObject({ status: 'dead', attempts: 3 });
    expect(await paymentRow(t, payment.id)).toMatchObject({
      status: 'failed',
      failureReason: 'the payment provider did not answer',
    });
    const [tripAfter] = await t.database.db.select().from(trips).where(eq(trips.id, trip.id));
    expect(tripAfter!.status).toBe('completed');
    const emails = await t.database.db.select().from(outbox).where(eq(outbox.topic, 'email'));
    expect(emails.filter((e) => e.idempotencyKey.startsWith(`payment:${payment.id}:failed:`))).toHaveLength(
      1,
    );

    stripe.state.failNext = 0;
    const admin = (await t.loginAs('admin')).accessToken;
    expect((await t.request('POST', `/api/admin/outbox/${dead!.id}/retry`, { token: admin })).status).toBe(
      200,
    );
    await drain();
    expect((await paymentRow(t, payment.id)).status).toBe('succeeded');
    expect([...stripe.intents.values()].filter((i) => i.metadata.paymentId === payment.id)).toHaveLength(1);
  });

  it('a refund settled by webhook first is not sent again by the outbox', async () => {
    const trip = await insertTrip(t.database.db);
    const { payment } = await (await pay(trip.id, { paymentMethodId: 'pm_card_visa' })).json();
    await paymentWorker(t, config).drain();
    const admin = (await t.loginAs('admin')).accessToken;
    const res = await t.request('POST', '/api/refunds', {
      token: admin,
      body: { paymentId: payment.id, amount: 300, reason: 'Late pickup' },
    });
    const { refund } = await res.json();
    const event = {
      id: 'evt_refund_1',
      object: 'event',
      type: 'refund.updated',
      data: {
        object: {
          id: 're_dashboard',
          object: 'refund',
          status: 'succeeded',
          amount: 300,
          metadata: { refundId: refund.id },
        },
      },
    };
    expect((await webhook(event)).status).toBe(200);
    expect(await (await webhook(event)).json()).toMatchObject({ duplicate: true });
    expect(await paymentRow(t, payment.id)).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 300,
    });
    await paymentWorker(t, config).drain();
    expect(await outboxRow(t, `refund:${refund.id}`)).toMatchObject({
      result: { skipped: 'refund already succeeded' },
    });
    expect(stripe.refunds.filter((r) => r.metadata.refundId === refund.id)).toHaveLength(0);
    expect((await paymentRow(t, payment.id)).refundedAmount).toBe(300);
  });

  it("refuses payments for trips that are not the rider's own", async () => {
    const trip = await insertTrip(t.database.db);
    const driver = (await t.loginAs('driver')).accessToken;
    const byDriver = await t.request('POST', '/api/payments', {
      token: driver,
      body: { tripId: trip.id, method: 'card' },
    });
    expect(byDriver.status).toBe(403);
    const unknown = await pay('6b1f7b4e-3a8f-4e59-9a55-2a4c4bb7c001');
    expect(unknown.status).toBe(404);
    const noPhone = await t.request('POST', '/api/payments', {
      token: rider,
      body: { tripId: trip.id, method: 'mobile_money' },
    });
    expect(noPhone.status).toBe(400);
    expect(await t.database.db.select().from(payments).where(eq(payments.tripId, trip.id))).toHaveLength(0);
  });
});

import { eq } from 'drizzle-orm';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disputes, outbox, refunds } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import type { PaymentsConfig } from './payment-providers';
import { type FakeStripe, fakeStripe } from './test-support/fake-stripe';
import { paymentRow, paymentWorker } from './test-support/payment-harness';
import { insertTrip } from './test-support/trip-fixture';

const WEBHOOK_SECRET = 'whsec_test_refund_paths';

// Every way Stripe can tell us a refund happened, each reflected exactly once: refund.* events, charge.refunded
// alone (its refunds read back from Stripe), refunds made in the Dashboard; and disputes, kept for admins.
describe.each(testDatabaseKinds)('Stripe refunds from every path and disputes on %s', (kind) => {
  let t: TestApp;
  let stripe: FakeStripe;
  let config: PaymentsConfig;
  let rider: string;
  let admin: string;
  const signer = new Stripe('sk_test_signer');
  let eventNo = 0;

  beforeAll(async () => {
    stripe = await fakeStripe();
    const sdk = { host: '127.0.0.1', port: stripe.port, protocol: 'http' as const };
    config = { stripe: { secretKey: 'sk_test_kigaligo', ...sdk } };
    t = await createTestApp(kind, {
      stripeWebhook: { stripe: new Stripe('sk_test_kigaligo', sdk), secret: WEBHOOK_SECRET },
    });
    rider = (await t.loginAs('rider')).accessToken;
    admin = (await t.loginAs('admin')).accessToken;
  });
  afterAll(async () => {
    await t.dispose();
    await stripe.close();
  });

  const webhook = async (type: string, object: unknown) => {
    const payload = JSON.stringify({
      id: `evt_paths_${kind}_${++eventNo}`,
      object: 'event',
      type,
      data: { object },
    });
    const header = signer.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const res = await t.request('POST', '/api/webhooks/stripe', {
      body: payload,
      headers: { 'stripe-signature': header },
    });
    expect(res.status).toBe(200);
  };
  const chargeRefunded = (pi: string, amountRefunded: number) =>
    webhook('charge.refunded', {
      id: `ch_${pi}`,
      object: 'charge',
      payment_intent: pi,
      amount_refunded: amountRefunded,
      refunded: false,
    });

  /** A paid card trip: its payment row and its PaymentIntent id at the fake Stripe. */
  async function paidCardTrip(fare = 2000) {
    const trip = await insertTrip(t.database.db, { fare });
    const res = await t.request('POST', '/api/payments', {
      token: rider,
      body: { tripId: trip.id, method: 'card', paymentMethodId: 'pm_card_visa' },
    });
    const { payment } = await res.json();
    await paymentWorker(t, config).drain();
    const row = await paymentRow(t, payment.id);
    expect(row.status).toBe('succeeded');
    return { trip, payment: row, pi: row.providerRef! };
  }
  const refundsOf = (paymentId: string) =>
    t.database.db.select().from(refunds).where(eq(refunds.paymentId, paymentId));
  const tripDetail = async (tripId: string, token = admin) =>
    (await t.request('GET', `/api/trips/${tripId}`, { token })).json();

  it('charge.refunded alone settles a pending refund once (no refund.* events enabled)', async () => {
    const { payment, pi } = await paidCardTrip();
    stripe.state.refundStatus = 'pending';
    try {
      const res = await t.request('POST', '/api/refunds', {
        token: admin,
        body: { paymentId: payment.id, amount: 500, reason: 'Driver took a longer road' },
      });
      expect(res.status).toBe(201);
      await paymentWorker(t, config).drain();
    } finally {
      stripe.state.refundStatus = 'succeeded';
    }
    const [pending] = await refundsOf(payment.id);
    expect(pending).toMatchObject({ status: 'pending', amount: 500, origin: 'kigaligo' });
    expect(pending!.providerRef).toMatch(/^re_/);

    // Stripe settles it and says so only through charge.refunded.
    for (const r of stripe.refunds) if (r.payment_intent === pi) r.status = 'succeeded';
    await chargeRefunded(pi, 500);
    await chargeRefunded(pi, 500);
    const settled = await refundsOf(payment.id);
    expect(settled).toHaveLength(1);
    expect(settled[0]).toMatchObject({ status: 'succeeded', amount: 500 });
    expect(await paymentRow(t, payment.id)).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 500,
    });
  });

  it('a Dashboard refund is recorded once with its Stripe id, whichever events tell of it, and the rider is told', async () => {
    const { trip, payment, pi } = await paidCardTrip(3000);
    const made = stripe.dashboardRefund(pi, 1200);
    await webhook('refund.created', made);
    await chargeRefunded(pi, 1200);
    await webhook('refund.updated', made);

    const rows = await refundsOf(payment.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      origin: 'stripe_dashboard',
      createdBy: null,
      providerRef: made.id,
      amount: 1200,
      status: 'succeeded',
      reason: 'requested_by_customer',
    });
    expect(await paymentRow(t, payment.id)).toMatchObject({
      status: 'partially_refunded',
      refundedAmount: 1200,
    });
    // The rider hears of it like any refund (by email here: the demo rider has no push token).
    const [told] = await t.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.idempotencyKey, `refund:${rows[0]!.id}:issued:email`));
    expect(told?.payload).toMatchObject({
      text: expect.stringContaining('RWF 1,200 is on its way back to you'),
    });

    const detail = await tripDetail(trip.id);
    expect(detail.refunds).toEqual([
      expect.objectContaining({
        origin: 'stripe_dashboard',
        createdBy: null,
        providerRef: made.id,
        amount: 1200,
      }),
    ]);
    // What is left to refund counts the Dashboard refund: KigaliGo cannot refund more than was paid.
    const tooMuch = await t.request('POST', '/api/refunds', {
      token: admin,
      body: { paymentId: payment.id, amount: 2000, reason: 'Full refund' },
    });
    expect(tooMuch.status).toBe(409);
    expect((await tooMuch.json()).error.code).toBe('refund_exceeds_payment');
  });

  it('a Dashboard refund known only from charge.refunded is recorded once', async () => {
    const { payment, pi } = await paidCardTrip(2500);
    stripe.dashboardRefund(pi, 2500, null);
    await chargeRefunded(pi, 2500);
    await chargeRefunded(pi, 2500);
    const rows = await refundsOf(payment.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      origin: 'stripe_dashboard',
      amount: 2500,
      status: 'succeeded',
      reason: '',
    });
    expect(await paymentRow(t, payment.id)).toMatchObject({ status: 'refunded', refundedAmount: 2500 });
  });

  it('events about charges that are not ours change nothing and cost no call to Stripe', async () => {
    const before = stripe.requests.length;
    const count = (await t.database.db.select().from(refunds)).length;
    await chargeRefunded('pi_someone_else', 100);
    await webhook('refund.created', {
      id: 're_someone_else',
      object: 'refund',
      payment_intent: 'pi_someone_else',
      amount: 100,
      status: 'succeeded',
      metadata: {},
    });
    expect(stripe.requests.length).toBe(before);
    expect((await t.database.db.select().from(refunds)).length).toBe(count);
  });

  it('disputes are kept for admins as Stripe last described them; a closed one stays closed', async () => {
    const { trip, payment, pi } = await paidCardTrip(1800);
    const dispute = (status: string) => ({
      id: `dp_${pi}`,
      object: 'dispute',
      payment_intent: pi,
      charge: `ch_${pi}`,
      amount: 1800,
      reason: 'fraudulent',
      status,
    });
    await webhook('charge.dispute.created', dispute('needs_response'));
    let detail = await tripDetail(trip.id);
    expect(detail.disputes).toEqual([
      expect.objectContaining({
        paymentId: payment.id,
        providerRef: `dp_${pi}`,
        amount: 1800,
        reason: 'fraudulent',
        status: 'needs_response',
        closedAt: null,
      }),
    ]);
    // Riders and drivers get the trip without its disputes.
    expect(await tripDetail(trip.id, rider)).not.toHaveProperty('disputes');

    await webhook('charge.dispute.closed', dispute('lost'));
    await webhook('charge.dispute.updated', dispute('under_review'));
    detail = await tripDetail(trip.id);
    expect(detail.disputes).toHaveLength(1);
    expect(detail.disputes[0].status).toBe('lost');
    expect(detail.disputes[0].closedAt).not.toBeNull();
    expect(
      await t.database.db.select().from(disputes).where(eq(disputes.paymentId, payment.id)),
    ).toHaveLength(1);
  });
});

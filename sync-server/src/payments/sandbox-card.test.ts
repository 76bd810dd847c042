import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, payments } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { makeUser } from '../test-support/trip-fixtures';
import { outboxRow, paymentRow, paymentWorker } from './test-support/payment-harness';
import { insertTrip } from './test-support/trip-fixture';

const card = (number: string, extra: Record<string, unknown> = {}) => ({
  number,
  expiry: '12/40',
  cvc: '123',
  ...extra,
});

describe.each(testDatabaseKinds)('the sandbox test card form on %s', (kind) => {
  let t: TestApp;
  let rider: string;
  let worker: ReturnType<typeof paymentWorker>;

  beforeAll(async () => {
    t = await createTestApp(kind);
    rider = (await t.loginAs('rider')).accessToken;
    // No Stripe keys: cards go to the sandbox.
    worker = paymentWorker(t, {});
  });
  afterAll(() => t.dispose());

  /** A card payment charged in the sandbox: it waits for the rider's card, as a Stripe intent does. */
  async function awaitingCard(fare = 1500) {
    const trip = await insertTrip(t.database.db, { fare });
    const res = await t.request('POST', '/api/payments', {
      token: rider,
      body: { tripId: trip.id, method: 'card' },
    });
    expect(res.status).toBe(201);
    const { payment } = await res.json();
    await worker.drain();
    return { trip, payment: await paymentRow(t, payment.id) };
  }
  const enter = (paymentId: string, body: Record<string, unknown>, token = rider) =>
    t.request('POST', `/api/payments/${paymentId}/sandbox-card`, { token, body });

  it('keeps a card booking waiting for the card instead of calling it paid', async () => {
    const { payment } = await awaitingCard();
    expect(payment).toMatchObject({
      status: 'processing',
      providerRef: `sandbox_stripe_${payment.idempotencyKey}`,
    });
    const charge = await outboxRow(t, `payment:${payment.id}:charge`);
    expect(charge?.result).toMatchObject({
      sandbox: true,
      status: 'pending',
      response: { awaitingCard: true },
    });

    const res = await enter(payment.id, card('4242 4242 4242 4242'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ authenticate: false, payment: { status: 'succeeded' } });
    // Paid: the receipt goes out, and the form cannot pay it twice.
    expect(await outboxRow(t, `payment:${payment.id}:receipt:email`)).toBeDefined();
    const again = await enter(payment.id, card('4242424242424242'));
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('not_awaiting_card');
  });

  it('refuses real card numbers, expired cards and a malformed form, changing nothing', async () => {
    const { payment } = await awaitingCard();
    const real = await enter(payment.id, card('5555 5555 5555 4444'));
    expect(real.status).toBe(400);
    expect((await real.json()).error.message).toMatch(/test cards only/);
    const expired = await enter(payment.id, card('4242424242424242', { expiry: '01/20' }));
    expect(expired.status).toBe(400);
    expect((await expired.json()).error.message).toMatch(/expired/);
    const malformed = await enter(payment.id, { number: '42', expiry: '1/2', cvc: 'x' });
    expect(malformed.status).toBe(400);
    expect((await paymentRow(t, payment.id)).status).toBe('processing');
  });

  it('answers only the payer, and only for a sandbox card payment', async () => {
    const { payment } = await awaitingCard();
    const other = await makeUser(t.database.db, t.deps.jwtSecret, 'rider');
    expect((await enter(payment.id, card('4242424242424242'), other.token)).status).toBe(404);
    expect((await enter('not-an-id', card('4242424242424242'))).status).toBe(404);
    const driver = (await t.loginAs('driver')).accessToken;
    expect((await enter(payment.id, card('4242424242424242'), driver)).status).toBe(403);
    expect((await paymentRow(t, payment.id)).status).toBe('processing');
  });

  it('declines as Stripe’s test cards do, telling the rider why', async () => {
    const { payment } = await awaitingCard();
    const res = await enter(payment.id, card('4000 0000 0000 0002'));
    expect(res.status).toBe(200);
    expect((await res.json()).payment).toMatchObject({
      status: 'failed',
      failureReason: 'Your card was declined.',
    });
    const told = await t.database.db
      .select({ payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.topic, 'email'), like(outbox.idempotencyKey, `payment:${payment.id}:failed:%`)));
    expect(told).toHaveLength(1);
  });

  it('asks for a test 3-D Secure step, then pays or fails on the rider’s answer', async () => {
    const first = await awaitingCard();
    const asked = await enter(first.payment.id, card('4000002760003184'));
    expect(await asked.json()).toMatchObject({ authenticate: true, payment: { status: 'processing' } });
    const completed = await enter(first.payment.id, card('4000002760003184', { authentication: 'complete' }));
    expect((await completed.json()).payment.status).toBe('succeeded');

    const second = await awaitingCard();
    const failed = await enter(second.payment.id, card('4000002760003184', { authentication: 'fail' }));
    expect((await failed.json()).payment).toMatchObject({
      status: 'failed',
      failureReason: 'The card’s authentication failed.',
    });
  });

  it('lets the rider pay a card booking by cash instead (cards need the network); the card then takes nothing', async () => {
    const { trip, payment } = await awaitingCard();
    const res = await t.request('POST', '/api/payments', {
      token: rider,
      body: { tripId: trip.id, method: 'cash' },
    });
    expect(res.status).toBe(201);
    expect((await res.json()).payment).toMatchObject({ method: 'cash', status: 'pending' });
    expect(await paymentRow(t, payment.id)).toMatchObject({ status: 'failed', failureReason: 'replaced' });
    const late = await enter(payment.id, card('4242424242424242'));
    expect(late.status).toBe(409);
    const rows = await t.database.db.select().from(payments).where(eq(payments.tripId, trip.id));
    expect(rows.map((r) => `${r.method}:${r.status}`).sort()).toEqual(['card:failed', 'cash:pending']);
  });
});

import {
  paymentList,
  paymentRequest,
  paymentView,
  sandboxCardAnswer,
  sandboxCardRequest,
} from '@kigaligo/domain';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import type { Db } from '../db/client';
import { outbox, payments, trips, users } from '../db/schema';
import { conflict, notFound } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { idempotent } from '../http/idempotency';
import { idOrNotFound, jsonBody, query } from '../http/validate';
import { scopedIdempotencyKey } from '../payments/idempotency';
import { startPayment } from '../payments/payment-service';
import type { PaymentRow } from '../payments/payment-state';
import { confirmSandboxCard } from '../payments/sandbox-card';
import { toPaymentView } from '../payments/views';

export const listQuery = z.object({
  tripId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A card payment waiting for the rider: the client secret Stripe.js confirms with (the charge's result). */
async function clientSecretOf(db: Db, p: PaymentRow): Promise<string | undefined> {
  if (p.method !== 'card' || p.status !== 'processing') return undefined;
  const [row] = await db
    .select({ result: outbox.result })
    .from(outbox)
    .where(eq(outbox.idempotencyKey, `payment:${p.id}:charge`));
  const secret = (row?.result as { response?: { clientSecret?: unknown } } | null)?.response?.clientSecret;
  return typeof secret === 'string' ? secret : undefined;
}

/**
 * What the paying rider's Payment Element needs for a card payment waiting for them: the intent's client
 * secret and, when they have a Stripe Customer, a Customer Session's secret so their saved cards are offered.
 * A Customer Session Stripe will not make now leaves the card form without saved cards, not without a form.
 */
async function cardSecretsOf(c: Context<AppEnv>, p: PaymentRow) {
  const { db } = c.var.deps.database;
  const clientSecret = await clientSecretOf(db, p);
  const cards = c.var.deps.cards;
  if (!clientSecret || !cards) return { clientSecret };
  const [payer] = await db
    .select({ customer: users.stripeCustomerId })
    .from(users)
    .where(eq(users.id, p.payerId));
  if (!payer?.customer) return { clientSecret };
  try {
    return { clientSecret, customerSessionClientSecret: await cards.session(payer.customer) };
  } catch (err) {
    c.var.deps.logger.warn({ err, paymentId: p.id }, 'no Stripe customer session: saved cards not offered');
    return { clientSecret };
  }
}

/** Paying trips: riders pay their own (again after a failure, or instead of cash); admins see every payment. */
export const paymentRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .post(
    '/',
    documented({
      summary: "Pay the rider's own trip",
      description:
        'Again after a failure, or instead of cash. 201 a new payment, 200 the existing one; 409 payment_exists | trip_not_payable.',
      audience: 'rider',
      idempotent: true,
      ok: { 201: z.object({ payment: paymentView }), 200: z.object({ payment: paymentView }) },
      errors: [400, 404, 409],
    }),
    requireRole('rider'),
    idempotent,
    jsonBody(paymentRequest),
    async (c) => {
      // `idempotent` answers retries with the first answer and refuses the key on another body; the key, scoped,
      // is also the payment's own key, which the providers get to de-duplicate their side.
      const input = c.req.valid('json');
      const { userId } = c.var.auth;
      const idempotencyKey = scopedIdempotencyKey(userId, c.req.header('idempotency-key'));
      const db = c.var.deps.database.db;
      const { row, created } = await db.transaction(async (tx) => {
        const [trip] = await tx.select().from(trips).where(eq(trips.id, input.tripId));
        // Someone else's trip is "not found": ids of other riders' trips are not confirmed to exist.
        if (!trip || trip.riderId !== userId) throw notFound('No such trip');
        if (trip.status === 'rejected') throw conflict('trip_not_payable', 'This booking was not confirmed');
        const amount = trip.status === 'cancelled' ? trip.cancellationFee : trip.fareAmount;
        if (amount === 0) throw conflict('trip_not_payable', 'Nothing is owed for this trip');
        const before = await tx
          .select({ id: payments.id })
          .from(payments)
          .where(eq(payments.tripId, trip.id));
        const row = await startPayment(tx as Db, {
          tripId: trip.id,
          payerId: userId,
          method: input.method,
          amount,
          payerPhone: input.payerPhone,
          paymentMethodId: input.paymentMethodId,
          idempotencyKey,
        });
        return { row, created: !before.some((b) => b.id === row.id) };
      });
      if (created) await c.var.deps.tripDocs.refresh(row.tripId);
      return c.json({ payment: toPaymentView(row, await cardSecretsOf(c, row)) }, created ? 201 : 200);
    },
  )
  .post(
    '/:id/sandbox-card',
    documented({
      summary: 'Pay a card payment with a sandbox test card',
      description:
        "Only where cards are not configured (no Stripe keys): the rider app's labelled test card form. Stripe's test numbers behave as in test mode; 4000 0027 6000 3184 answers authenticate: true until sent again with authentication complete or fail. 400 for any other number or an expired card; 409 not_awaiting_card | not_sandbox.",
      audience: 'rider',
      ok: { 200: sandboxCardAnswer },
      errors: [400, 404, 409],
    }),
    requireRole('rider'),
    jsonBody(sandboxCardRequest),
    async (c) => {
      const paymentId = idOrNotFound(c.req.param('id'), 'payment');
      const db = c.var.deps.database.db;
      const answer = await db.transaction((tx) =>
        confirmSandboxCard(tx as Db, {
          paymentId,
          payerId: c.var.auth.userId,
          card: c.req.valid('json'),
          now: new Date(),
        }),
      );
      if (!answer.authenticate) await c.var.deps.tripDocs.refresh(answer.payment.tripId);
      return c.json({ payment: toPaymentView(answer.payment), authenticate: answer.authenticate });
    },
  )
  .get(
    '/',
    documented({
      summary: 'Payments',
      description: 'Riders see their own, admins all.',
      audience: 'rider or admin',
      ok: { 200: paymentList },
      errors: [400],
    }),
    requireRole('rider', 'admin'),
    query(listQuery),
    async (c) => {
      const { tripId, limit } = c.req.valid('query');
      const { userId, role } = c.var.auth;
      const db = c.var.deps.database.db;
      const where: SQL[] = [];
      if (role !== 'admin') where.push(eq(payments.payerId, userId));
      if (tripId) where.push(eq(payments.tripId, tripId));
      const rows = await db
        .select()
        .from(payments)
        .where(and(...where))
        .orderBy(desc(payments.createdAt))
        .limit(limit);
      const views = await Promise.all(
        rows.map(async (p) => toPaymentView(p, p.payerId === userId ? await cardSecretsOf(c, p) : {})),
      );
      return c.json({ payments: views });
    },
  );

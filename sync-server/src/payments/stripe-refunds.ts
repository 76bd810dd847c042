import { type DisputeStatus, disputeStatus } from '@kigaligo/domain';
import { and, eq, isNull } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '../db/client';
import { disputes, payments, refunds } from '../db/schema';
import { notifyUser } from '../notifications/notify-user';
import { lockPayment } from './payment-state';
import { applyRefundOutcome } from './refund-service';

const UUID = /^[0-9a-f-]{36}$/i;
const idOf = (ref: string | { id: string } | null | undefined) => (typeof ref === 'string' ? ref : ref?.id);

/** Our card payment behind a Stripe PaymentIntent id, if it is one of ours. */
export async function stripePaymentOf(tx: Db, paymentIntentId: string | undefined) {
  if (!paymentIntentId) return undefined;
  const [row] = await tx
    .select({ id: payments.id, tripId: payments.tripId, payerId: payments.payerId, method: payments.method })
    .from(payments)
    .where(and(eq(payments.providerRef, paymentIntentId), eq(payments.provider, 'stripe')));
  return row;
}

async function ourRefund(tx: Db, refund: Stripe.Refund) {
  const byMeta = refund.metadata?.refundId;
  const [row] = await tx
    .select({ id: refunds.id, tripId: payments.tripId })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(byMeta && UUID.test(byMeta) ? eq(refunds.id, byMeta) : eq(refunds.providerRef, refund.id));
  return row;
}

const statusOf = (refund: Stripe.Refund) =>
  refund.status === 'succeeded'
    ? ('succeeded' as const)
    : refund.status === 'failed' || refund.status === 'canceled'
      ? ('failed' as const)
      : ('pending' as const);

/**
 * A refund made in the Stripe Dashboard (no `metadata.refundId`, unknown id) on one of our payments: recorded
 * as a refund of origin `stripe_dashboard` with its Stripe id, under the payment's lock so two webhooks telling
 * of it at once (refund.created and charge.refunded) record it once; the unique index on provider_ref is the
 * last guard.
 */
async function recordDashboardRefund(tx: Db, refund: Stripe.Refund) {
  const payment = await stripePaymentOf(tx, idOf(refund.payment_intent));
  if (!payment) return undefined;
  await lockPayment(tx, payment.id);
  const known = await ourRefund(tx, refund);
  if (known) return known;
  const [row] = await tx
    .insert(refunds)
    .values({
      paymentId: payment.id,
      amount: refund.amount,
      // Stripe's reason code (duplicate, fraudulent, requested_by_customer) or none: admins see it as given.
      reason: refund.reason ?? '',
      origin: 'stripe_dashboard',
      createdBy: null,
      providerRef: refund.id,
    })
    .returning({ id: refunds.id });
  await notifyUser(
    tx,
    payment.payerId,
    'refund_issued',
    { amount: refund.amount, method: payment.method },
    `refund:${row!.id}:issued`,
    { tripId: payment.tripId },
  );
  return { id: row!.id, tripId: payment.tripId };
}

/**
 * What Stripe says about one refund, whichever event carried it (refund.created/updated/failed, or the refunds
 * of a charge.refunded): ours are matched by `metadata.refundId` or their Stripe id, others on our payments are
 * Dashboard refunds and recorded first. Moves only a pending refund, so telling it twice changes nothing.
 * Returns the trip whose figures changed.
 */
export async function settleStripeRefund(tx: Db, refund: Stripe.Refund): Promise<string | undefined> {
  const row = (await ourRefund(tx, refund)) ?? (await recordDashboardRefund(tx, refund));
  if (!row) return undefined;
  const status = statusOf(refund);
  const applied = await applyRefundOutcome(tx, row.id, {
    status,
    providerRef: refund.id,
    ...(status === 'failed' ? { failureReason: refund.failure_reason ?? 'failed' } : {}),
  });
  return applied?.changed ? row.tripId : undefined;
}

/** Keeps a dispute as Stripe last described it; returns the trip it belongs to when it is one of ours. */
export async function recordStripeDispute(tx: Db, dispute: Stripe.Dispute): Promise<string | undefined> {
  const payment = await stripePaymentOf(tx, idOf(dispute.payment_intent));
  if (!payment) return undefined;
  const parsed = disputeStatus.safeParse(dispute.status);
  // A status Stripe adds later is kept as the nearest one we know: open until it says won or lost.
  const status: DisputeStatus = parsed.success ? parsed.data : 'under_review';
  const closed = status === 'won' || status === 'lost' || status === 'warning_closed';
  const values = {
    amount: dispute.amount,
    reason: dispute.reason,
    status,
    closedAt: closed ? new Date() : null,
    updatedAt: new Date(),
  };
  await tx
    .insert(disputes)
    .values({ paymentId: payment.id, providerRef: dispute.id, ...values })
    // A closed dispute stays closed: an older event delivered late does not reopen it.
    .onConflictDoUpdate({ target: disputes.providerRef, set: values, setWhere: isNull(disputes.closedAt) });
  return payment.tripId;
}

import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '../db/client';
import { payments, refunds, webhookEvents } from '../db/schema';
import { applyChargeOutcome } from './charge-topic';
import { applyRefundOutcome } from './refund-service';

async function paymentFor(tx: Db, pi: Stripe.PaymentIntent) {
  const byMeta = pi.metadata?.paymentId;
  const [row] = await tx
    .select({ id: payments.id, tripId: payments.tripId, provider: payments.provider })
    .from(payments)
    .where(
      byMeta && /^[0-9a-f-]{36}$/i.test(byMeta) ? eq(payments.id, byMeta) : eq(payments.providerRef, pi.id),
    );
  // Only our own card payments: an event about some other intent on the account changes nothing.
  return row?.provider === 'stripe' ? row : undefined;
}

async function refundFor(tx: Db, refund: Stripe.Refund) {
  const byMeta = refund.metadata?.refundId;
  const [row] = await tx
    .select({ id: refunds.id, tripId: payments.tripId })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(
      byMeta && /^[0-9a-f-]{36}$/i.test(byMeta) ? eq(refunds.id, byMeta) : eq(refunds.providerRef, refund.id),
    );
  return row;
}

/**
 * Applies one verified Stripe event inside a transaction. The event id goes into webhook_events first, so a
 * replayed delivery is recognised and changes nothing; and every change goes through the payment and refund
 * state machines, so an event arriving out of order (a late `payment_failed` after `succeeded`) is ignored.
 * Returns the trip to refresh, if anything changed.
 */
export async function applyStripeEvent(
  tx: Db,
  event: Stripe.Event,
): Promise<{ duplicate: boolean; tripId?: string | undefined }> {
  const inserted = await tx
    .insert(webhookEvents)
    .values({ id: event.id, provider: 'stripe', type: event.type })
    .onConflictDoNothing()
    .returning({ id: webhookEvents.id });
  if (inserted.length === 0) return { duplicate: true };

  switch (event.type) {
    case 'payment_intent.succeeded':
    case 'payment_intent.payment_failed':
    case 'payment_intent.canceled': {
      const pi = event.data.object;
      const payment = await paymentFor(tx, pi);
      if (!payment) return { duplicate: false };
      const succeeded = event.type === 'payment_intent.succeeded';
      const reason =
        event.type === 'payment_intent.canceled'
          ? 'The card payment was cancelled'
          : (pi.last_payment_error?.message ?? 'The card was declined');
      const row = await applyChargeOutcome(tx, {
        paymentId: payment.id,
        tripId: payment.tripId,
        status: succeeded ? 'succeeded' : 'failed',
        providerRef: pi.id,
        ...(succeeded ? {} : { failureReason: reason }),
      });
      return { duplicate: false, tripId: row ? payment.tripId : undefined };
    }
    case 'refund.created':
    case 'refund.updated':
    case 'refund.failed': {
      const refund = event.data.object;
      const row = await refundFor(tx, refund);
      if (!row) return { duplicate: false };
      const status =
        refund.status === 'succeeded'
          ? 'succeeded'
          : refund.status === 'failed' || refund.status === 'canceled'
            ? 'failed'
            : 'pending';
      const applied = await applyRefundOutcome(tx, row.id, {
        status,
        providerRef: refund.id,
        ...(status === 'failed' ? { failureReason: refund.failure_reason ?? 'failed' } : {}),
      });
      return { duplicate: false, tripId: applied?.changed ? row.tripId : undefined };
    }
    default:
      // Recorded (so a replay is recognised) and otherwise ignored: we act only on the events above.
      return { duplicate: false };
  }
}

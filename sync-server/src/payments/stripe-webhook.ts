import { eq } from 'drizzle-orm';
import type Stripe from 'stripe';
import type { Db } from '../db/client';
import { outbox, payments, webhookEvents } from '../db/schema';
import { paymentChargeMessage } from '../outbox/topics';
import { applyChargeOutcome } from './charge-outcome';
import { recordStripeDispute, settleStripeRefund, stripePaymentOf } from './stripe-refunds';

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

/**
 * Applies one verified Stripe event inside a transaction. The event id goes into webhook_events first, so a
 * replayed delivery is recognised and changes nothing; and every change goes through the payment and refund
 * state machines, so an event arriving out of order (a late `payment_failed` after `succeeded`) is ignored.
 * Returns the trip to refresh, if anything changed.
 */
export async function applyStripeEvent(
  tx: Db,
  event: Stripe.Event,
  context: { chargeRefunds?: Stripe.Refund[] } = {},
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
      // A card declined in the app's Payment Element: Stripe.js has told the rider, who is still on the card
      // step and may try another card on the same intent. The payment waits; only a card the server confirmed
      // (a PaymentMethod sent with the payment) fails here.
      if (
        event.type === 'payment_intent.payment_failed' &&
        pi.status === 'requires_payment_method' &&
        (await entersCardInApp(tx, payment.id))
      )
        return { duplicate: false };
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
    case 'refund.failed':
      return { duplicate: false, tripId: await settleStripeRefund(tx, event.data.object) };
    case 'charge.refunded': {
      // The event's charge does not list its refunds (Stripe stopped including them); the caller fetched them.
      let tripId: string | undefined;
      for (const refund of context.chargeRefunds ?? [])
        tripId = (await settleStripeRefund(tx, refund)) ?? tripId;
      return { duplicate: false, tripId };
    }
    case 'charge.dispute.created':
    case 'charge.dispute.updated':
    case 'charge.dispute.closed':
    case 'charge.dispute.funds_withdrawn':
    case 'charge.dispute.funds_reinstated':
      return { duplicate: false, tripId: await recordStripeDispute(tx, event.data.object) };
    default:
      // Recorded (so a replay is recognised) and otherwise ignored: we act only on the events above.
      return { duplicate: false };
  }
}

/** Whether the payment's card is entered by the rider in the app (its charge carried no PaymentMethod). */
async function entersCardInApp(tx: Db, paymentId: string): Promise<boolean> {
  const [charge] = await tx
    .select({ payload: outbox.payload })
    .from(outbox)
    .where(eq(outbox.idempotencyKey, `payment:${paymentId}:charge`));
  const message = paymentChargeMessage.safeParse(charge?.payload);
  return message.success && message.data.paymentMethodId === undefined;
}

/**
 * The refunds of a `charge.refunded` event's charge, read from Stripe before the event's transaction (no network
 * call while rows are locked). Only for a charge of one of our payments: an event about some other charge on the
 * account costs no call.
 */
export async function refundsOfRefundedCharge(
  db: Db,
  stripe: Stripe,
  event: Stripe.Event,
): Promise<Stripe.Refund[] | undefined> {
  if (event.type !== 'charge.refunded') return undefined;
  const charge = event.data.object;
  const pi = typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  if (!(await stripePaymentOf(db, pi))) return undefined;
  const listed = await stripe.refunds.list({ charge: charge.id, limit: 100 });
  return listed.data;
}

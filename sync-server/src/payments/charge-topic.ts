import type { Db } from '../db/client';
import type { TopicHandler } from '../outbox/providers';
import { paymentChargeMessage } from '../outbox/topics';
import { applyChargeOutcome } from './charge-outcome';
import { paidAnotherWay } from './duplicate-payment';
import { payerCustomer } from './payer-customer';
import { lockPayment, type PaymentRow, quietFailureReasons, transitionPayment } from './payment-state';
import { outcomeResult, readOutcome } from './provider-result';
import { type PaymentProviders, StillPendingError } from './providers/types';
import { NO_ANSWER, scheduleRecheck } from './recheck-topic';

export interface PaymentTopicOptions {
  /** Rewrites the trip into its synced documents after a payment changed (deps.tripDocs.refresh). */
  refresh(tripId: string): Promise<void>;
  /** Mobile money polls a pending collection through retries: give it more attempts than email. */
  maxAttempts?: number | undefined;
}

/**
 * Marks the payment `processing` before the provider is called, in its own transaction: from then on its
 * amount is frozen (a cancellation no longer shrinks it), so every retry sends the same request under the same
 * idempotency key. A payment that failed may be tried again (admin retry of a dead letter) unless the trip
 * has another live payment or the failure was our own decision (cancelled, replaced).
 */
async function claimForCharge(tx: Db, paymentId: string): Promise<PaymentRow | string> {
  const payment = await lockPayment(tx, paymentId);
  if (!payment) return 'no such payment';
  if (payment.status === 'processing') return payment;
  if (payment.status === 'failed') {
    if (quietFailureReasons.has(payment.failureReason ?? '')) return `payment ${payment.failureReason}`;
    if (await paidAnotherWay(tx, payment)) return 'the trip is paid by another payment';
  } else if (payment.status !== 'pending') {
    return `payment already ${payment.status}`;
  }
  return (await transitionPayment(tx, payment.id, 'processing')) ?? 'payment cannot be charged';
}

/** The `payment.charge` topic: claim, call the provider, apply its answer through the payment state machine. */
export function chargeTopic(db: Db, providers: PaymentProviders, opts: PaymentTopicOptions): TopicHandler {
  return {
    maxAttempts: opts.maxAttempts,
    async deliver(payload) {
      const m = paymentChargeMessage.parse(payload);
      const claimed = await db.transaction((tx) => claimForCharge(tx as Db, m.paymentId));
      if (typeof claimed === 'string')
        return { provider: m.provider, paymentId: m.paymentId, skipped: claimed };
      const provider = providers[m.provider];
      const customerId = await payerCustomer(db, provider, claimed.payerId);
      const outcome = await provider.charge({
        paymentId: claimed.id,
        tripId: claimed.tripId,
        amount: claimed.amount,
        idempotencyKey: claimed.idempotencyKey,
        payerPhone: claimed.payerPhone,
        paymentMethodId: m.paymentMethodId,
        customerId,
      });
      if (outcome.status === 'pending' && outcome.poll) {
        throw new StillPendingError(`${m.provider} has not decided yet (still pending)`);
      }
      return outcomeResult(provider, claimed, outcome);
    },
    async afterDelivery(tx, _message, result) {
      const outcome = readOutcome(result);
      if (!outcome) return;
      await applyChargeOutcome(tx, outcome);
      return () => opts.refresh(outcome.tripId);
    },
    async onDead(tx, message) {
      const m = paymentChargeMessage.safeParse(message.payload);
      if (!m.success) return;
      // Only now, when no further attempt will be made, does the payment fail (and the rider hear of it).
      const failed = await transitionPayment(tx, m.data.paymentId, 'failed', { failureReason: NO_ANSWER });
      if (!failed) return;
      await scheduleRecheck(tx, providers, failed);
      return () => opts.refresh(failed.tripId);
    },
  };
}

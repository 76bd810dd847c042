import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payments } from '../db/schema';
import { enqueue } from '../outbox/enqueue';
import type { TopicHandler } from '../outbox/providers';
import { paymentRecheckMessage } from '../outbox/topics';
import { applyChargeOutcome } from './charge-outcome';
import type { PaymentTopicOptions } from './charge-topic';
import type { PaymentRow } from './payment-state';
import { outcomeResult, readOutcome } from './provider-result';
import { type PaymentProviders, StillPendingError } from './providers/types';

/** Why a charge failed when its provider stopped answering (the charge topic's dead letter). */
export const NO_ANSWER = 'the payment provider did not answer';

// Status reads a dead-lettered collection gets when the provider fails them (pending answers do not count):
// with the worker's backoff (capped at 10 minutes) about six hours of the provider being down.
const RECHECK_MAX_FAILURES = 40;
// The provider has just failed every attempt of the charge: the first question waits a little.
export const RECHECK_FIRST_DELAY_MS = 5 * 60_000;

/**
 * After a charge was given up on because its provider did not answer, asks the provider again (reads only)
 * whether the collection happened after all, so no payment is left for a person to check: the outbox row is
 * in the same transaction as the payment's failure.
 */
export async function scheduleRecheck(
  tx: Db,
  providers: PaymentProviders,
  payment: PaymentRow,
): Promise<void> {
  const provider = providers[payment.provider as keyof PaymentProviders];
  if (!provider?.enquire) return;
  await enqueue(
    tx,
    'payment.recheck',
    { paymentId: payment.id, provider: provider.name },
    // Per failure: an admin retry that dead-letters again is checked again.
    `payment:${payment.id}:recheck:${payment.updatedAt.getTime()}`,
    new Date(Date.now() + RECHECK_FIRST_DELAY_MS),
  );
}

/**
 * The `payment.recheck` topic: the provider's answer about a collection we stopped hearing about. Not known
 * there: nothing was collected, the payment stays failed. Pending: asked again with backoff. Failed: the
 * provider's reason is kept. Succeeded: the payment succeeds after all — and if the rider has paid the trip
 * another way meanwhile, it is refunded on its own (applyChargeOutcome).
 */
export function recheckTopic(db: Db, providers: PaymentProviders, opts: PaymentTopicOptions): TopicHandler {
  return {
    maxAttempts: RECHECK_MAX_FAILURES,
    async deliver(payload) {
      const m = paymentRecheckMessage.parse(payload);
      const [payment] = await db.select().from(payments).where(eq(payments.id, m.paymentId));
      // An admin's retry of the charge took it up again: that delivery decides now.
      if (payment?.status !== 'failed' || payment.failureReason !== NO_ANSWER)
        return {
          provider: m.provider,
          paymentId: m.paymentId,
          skipped: `payment ${payment?.status ?? 'gone'}`,
        };
      const provider = providers[m.provider];
      const outcome = await provider.enquire?.({
        paymentId: payment.id,
        tripId: payment.tripId,
        amount: payment.amount,
        idempotencyKey: payment.idempotencyKey,
        payerPhone: payment.payerPhone,
      });
      if (!outcome)
        return { provider: m.provider, paymentId: payment.id, settled: 'never reached the provider' };
      if (outcome.status === 'pending') throw new StillPendingError(`${m.provider} has not decided yet`);
      return outcomeResult(provider, payment, outcome);
    },
    async afterDelivery(tx, _message, result) {
      const outcome = readOutcome(result);
      if (!outcome) return;
      if (outcome.status === 'failed') {
        await tx
          .update(payments)
          .set({ failureReason: outcome.failureReason ?? 'declined', providerRef: outcome.providerRef })
          .where(eq(payments.id, outcome.paymentId));
        return;
      }
      await applyChargeOutcome(tx, outcome);
      return () => opts.refresh(outcome.tripId);
    },
  };
}

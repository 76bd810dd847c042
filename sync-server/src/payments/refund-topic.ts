import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payments, refunds } from '../db/schema';
import type { TopicHandler } from '../outbox/providers';
import { paymentRefundMessage } from '../outbox/topics';
import type { PaymentTopicOptions } from './charge-topic';
import { outcomeResult, readOutcome } from './provider-result';
import { type PaymentProviders, StillPendingError } from './providers/types';
import { applyRefundOutcome } from './refund-service';

/**
 * The `payment.refund` topic: the refund's id is its idempotency key at the provider, so a retried refund
 * returns the money once. A dead-lettered refund stays pending — its amount stays reserved — because a
 * provider that timed out may have paid it: an admin retries the same message (same key) rather than issuing
 * a second refund. Only a provider's explicit refusal fails it.
 */
export function refundTopic(db: Db, providers: PaymentProviders, opts: PaymentTopicOptions): TopicHandler {
  return {
    maxAttempts: opts.maxAttempts,
    async deliver(payload) {
      const m = paymentRefundMessage.parse(payload);
      const [row] = await db
        .select({ refund: refunds, payment: payments })
        .from(refunds)
        .innerJoin(payments, eq(payments.id, refunds.paymentId))
        .where(eq(refunds.id, m.refundId));
      if (!row) return { provider: m.provider, refundId: m.refundId, skipped: 'no such refund' };
      if (row.refund.status !== 'pending') {
        return { provider: m.provider, refundId: m.refundId, skipped: `refund already ${row.refund.status}` };
      }
      const provider = providers[m.provider];
      const outcome = await provider.refund({
        refundId: row.refund.id,
        paymentId: row.payment.id,
        amount: row.refund.amount,
        idempotencyKey: row.refund.id,
        paymentProviderRef: row.payment.providerRef,
        payerPhone: row.payment.payerPhone,
        reason: row.refund.reason,
      });
      if (outcome.status === 'pending' && outcome.poll) {
        throw new StillPendingError(`${m.provider} has not finished the refund yet (still pending)`);
      }
      return outcomeResult(
        provider,
        { refundId: row.refund.id, paymentId: row.payment.id, tripId: row.payment.tripId },
        outcome,
      );
    },
    async afterDelivery(tx, _message, result) {
      const outcome = readOutcome(result);
      if (!outcome?.refundId) return;
      await applyRefundOutcome(tx, outcome.refundId, {
        status: outcome.status,
        providerRef: outcome.providerRef,
        ...(outcome.failureReason ? { failureReason: outcome.failureReason } : {}),
      });
      return () => opts.refresh(outcome.tripId);
    },
  };
}

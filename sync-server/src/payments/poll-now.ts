import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox, payments } from '../db/schema';
import type { PaymentProviderName } from '../outbox/topics';

/**
 * A provider's callback said a collection may be final: its charge is asked about now instead of at its next
 * backoff. The callback is not trusted for more (MoMo's are unsigned): the status is read from the provider,
 * as every poll does. Only a payment of that provider still at the provider moves; anything else is ignored.
 */
export async function pollChargeNow(
  db: Db,
  provider: PaymentProviderName,
  match: { paymentId: string } | { idempotencyKey: string },
): Promise<boolean> {
  const [payment] = await db
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        'paymentId' in match
          ? eq(payments.id, match.paymentId)
          : eq(payments.idempotencyKey, match.idempotencyKey),
        eq(payments.provider, provider),
        eq(payments.status, 'processing'),
      ),
    );
  if (!payment) return false;
  const due = await db
    .update(outbox)
    .set({ nextAttemptAt: new Date() })
    .where(and(eq(outbox.idempotencyKey, `payment:${payment.id}:charge`), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id });
  return due.length > 0;
}

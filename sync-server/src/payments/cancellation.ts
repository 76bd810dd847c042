import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payments, refunds, trips } from '../db/schema';
import { type PaymentRow, transitionPayment } from './payment-state';
import { createRefund, type RefundRow } from './refund-service';

/**
 * Brings one payment of a cancelled trip in line with the cancellation fee (the caller holds the payment's row
 * lock). Not yet sent to a provider: the amount becomes the fee, or the payment is voided (failed,
 * `trip_cancelled`) when there is no fee. Collected: what exceeds the fee is refunded. In flight at the
 * provider: nothing now; the charge's after-delivery hook calls this again once the money is final.
 */
export async function settleCancelledPayment(
  tx: Db,
  payment: PaymentRow,
  fee: number,
  actorId: string,
): Promise<RefundRow | undefined> {
  if (payment.status === 'pending') {
    const keep = Math.min(payment.amount, fee);
    if (keep === 0) {
      await transitionPayment(tx, payment.id, 'failed', { failureReason: 'trip_cancelled' });
    } else if (keep !== payment.amount) {
      await tx
        .update(payments)
        .set({ amount: keep, updatedAt: new Date() })
        .where(eq(payments.id, payment.id));
    }
    return undefined;
  }
  if (payment.status !== 'succeeded' && payment.status !== 'partially_refunded') return undefined;
  const [reserved] = await tx
    .select({ total: sql<number>`coalesce(sum(${refunds.amount}), 0)::int` })
    .from(refunds)
    .where(and(eq(refunds.paymentId, payment.id), inArray(refunds.status, ['pending', 'succeeded'])));
  const excess = payment.amount - Number(reserved?.total ?? 0) - Math.min(fee, payment.amount);
  if (excess <= 0) return undefined;
  return createRefund(tx, {
    paymentId: payment.id,
    amount: excess,
    reason: fee > 0 ? `Trip cancelled (cancellation fee ${fee} RWF kept)` : 'Trip cancelled',
    createdBy: actorId,
  });
}

/** After a charge became final: if its trip was cancelled or rejected meanwhile, settle it now (refund the excess). */
export async function settleIfTripCancelled(tx: Db, payment: PaymentRow): Promise<void> {
  const [trip] = await tx
    .select({ status: trips.status, fee: trips.cancellationFee, cancelledBy: trips.cancelledBy })
    .from(trips)
    .where(eq(trips.id, payment.tripId));
  // Rejected (no vehicle found after a decline) owes nothing; cancelled owes at most its fee.
  if (trip?.status !== 'cancelled' && trip?.status !== 'rejected') return;
  const fee = trip.status === 'rejected' ? 0 : trip.fee;
  await settleCancelledPayment(tx, payment, fee, trip.cancelledBy ?? payment.payerId);
}

import { and, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payments } from '../db/schema';
import { livePaymentStatuses, type PaymentRow } from './payment-state';
import { createRefund, type RefundRow } from './refund-service';

/**
 * Whether the trip has a live payment besides this one: a payment that succeeds now, after the rider paid
 * another way (a mobile-money approval that came late, a card confirmed after switching to cash), is then a
 * duplicate. Read with the payment's row lock held, so a replacement committed meanwhile is seen.
 */
export async function paidAnotherWay(tx: Db, payment: Pick<PaymentRow, 'id' | 'tripId'>): Promise<boolean> {
  const [other] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(
      and(
        eq(payments.tripId, payment.tripId),
        ne(payments.id, payment.id),
        inArray(payments.status, livePaymentStatuses),
      ),
    )
    .limit(1);
  return other !== undefined;
}

/**
 * Gives a duplicate payment back in full through its provider's outbox, with no one having to notice: the
 * rider is told (`duplicate_refunded`) and admins see the refund on the trip with its origin.
 */
export function refundDuplicate(tx: Db, payment: PaymentRow): Promise<RefundRow> {
  return createRefund(tx, {
    paymentId: payment.id,
    reason: 'Paid twice: the trip was already paid another way',
    createdBy: null,
    origin: 'duplicate_payment',
  });
}

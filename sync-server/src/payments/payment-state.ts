import { canTransitionPayment, type PaymentStatus } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payments } from '../db/schema';
import { notifyUser } from '../notifications/notify-user';
import { emailReceipt } from './receipt-email';

export type PaymentRow = typeof payments.$inferSelect;

/** Payment statuses in which money is (or may yet be) collected: a trip has at most one such payment. */
export const livePaymentStatuses = [
  'pending',
  'processing',
  'succeeded',
  'partially_refunded',
  'refunded',
] as const satisfies readonly PaymentStatus[];

/** Failures that are our own decision, not the provider's: the rider is not told "payment failed". */
export const quietFailureReasons = new Set(['trip_cancelled', 'replaced']);

export async function lockPayment(tx: Db, id: string): Promise<PaymentRow | undefined> {
  const [row] = await tx.select().from(payments).where(eq(payments.id, id)).for('update');
  return row;
}

/**
 * The one way a payment's status changes: under a row lock and only along the domain state machine, so a
 * replayed or late provider event (webhook, outbox retry) is a no-op. Returns the updated row, or undefined
 * when the transition is not allowed. A real failure tells the rider (`payment_failed`), once per attempt; a
 * success emails the receipt.
 */
export async function transitionPayment(
  tx: Db,
  id: string,
  to: PaymentStatus,
  patch: {
    providerRef?: string | null;
    failureReason?: string | null;
    amount?: number;
    /** False for a duplicate payment, refunded at once: no receipt for money that goes straight back. */
    receipt?: boolean;
  } = {},
): Promise<PaymentRow | undefined> {
  const current = await lockPayment(tx, id);
  if (!current || !canTransitionPayment(current.status, to)) return undefined;
  const [row] = await tx
    .update(payments)
    .set({
      status: to,
      updatedAt: new Date(),
      ...(patch.providerRef ? { providerRef: patch.providerRef } : {}),
      ...(patch.amount !== undefined ? { amount: patch.amount } : {}),
      failureReason: to === 'failed' ? (patch.failureReason ?? 'failed') : null,
    })
    .where(eq(payments.id, id))
    .returning();
  if (row && to === 'failed' && !quietFailureReasons.has(row.failureReason ?? '')) {
    await notifyUser(
      tx,
      row.payerId,
      'payment_failed',
      { amount: row.amount, reason: row.failureReason ?? 'failed' },
      // Per failure: a payment retried by an admin that fails again tells the rider again.
      `payment:${row.id}:failed:${row.updatedAt.getTime()}`,
      { tripId: row.tripId },
    );
  }
  if (row && to === 'succeeded' && patch.receipt !== false) await emailReceipt(tx, row);
  return row;
}

import { canTransitionRefund, type RefundOrigin, refundableAmount } from '@kigaligo/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payments, refunds } from '../db/schema';
import { conflict, notFound } from '../domain-error';
import { notifyUser } from '../notifications/notify-user';
import { enqueue } from '../outbox/enqueue';
import { paymentProviderName } from '../outbox/topics';
import { lockPayment, transitionPayment } from './payment-state';

export type RefundRow = typeof refunds.$inferSelect;

/**
 * Starts a refund: checked against what was paid minus every refund already issued or in flight, under the
 * payment's row lock, so two concurrent refunds can never return more than was paid. The provider call goes
 * into the outbox in the same transaction; the refund's id is its idempotency key at the provider.
 */
export async function createRefund(
  tx: Db,
  input: {
    paymentId: string;
    amount?: number | undefined;
    reason: string;
    /** Null for a refund KigaliGo makes on its own (origin `duplicate_payment`). */
    createdBy: string | null;
    origin?: RefundOrigin | undefined;
  },
): Promise<RefundRow> {
  const payment = await lockPayment(tx, input.paymentId);
  if (!payment) throw notFound('No such payment');
  const [reserved] = await tx
    .select({ total: sql<number>`coalesce(sum(${refunds.amount}), 0)::int` })
    .from(refunds)
    .where(and(eq(refunds.paymentId, payment.id), inArray(refunds.status, ['pending', 'succeeded'])));
  const available = refundableAmount({ ...payment, refundedAmount: Number(reserved?.total ?? 0) });
  if (available === 0) throw conflict('not_refundable', 'Nothing on this payment can be refunded');
  const amount = input.amount ?? available;
  if (amount > available) {
    throw conflict(
      'refund_exceeds_payment',
      `At most ${available} RWF of this payment can still be refunded`,
    );
  }
  const [refund] = await tx
    .insert(refunds)
    .values({
      paymentId: payment.id,
      amount,
      reason: input.reason,
      createdBy: input.createdBy,
      origin: input.origin ?? 'kigaligo',
    })
    .returning();
  await enqueue(
    tx,
    'payment.refund',
    { refundId: refund!.id, paymentId: payment.id, provider: paymentProviderName.parse(payment.provider) },
    `refund:${refund!.id}`,
  );
  await notifyUser(
    tx,
    payment.payerId,
    input.origin === 'duplicate_payment' ? 'duplicate_refunded' : 'refund_issued',
    { amount, method: payment.method, reason: input.reason },
    `refund:${refund!.id}:issued`,
    { tripId: payment.tripId },
  );
  return refund!;
}

/**
 * Applies what the provider said about a refund (outbox result or webhook). Only pending refunds move; a
 * success adds to the payment's refunded amount and moves it to partially_refunded or refunded.
 */
export async function applyRefundOutcome(
  tx: Db,
  refundId: string,
  outcome: { status: 'succeeded' | 'failed' | 'pending'; providerRef: string | null; failureReason?: string },
): Promise<{ refund: RefundRow; changed: boolean } | undefined> {
  const [peek] = await tx.select().from(refunds).where(eq(refunds.id, refundId));
  if (!peek) return undefined;
  // Payment first, then refund: the same lock order as createRefund, so the two never deadlock.
  const payment = await lockPayment(tx, peek.paymentId);
  const [refund] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for('update');
  if (!payment || !refund) return undefined;
  if (outcome.status === 'pending' || !canTransitionRefund(refund.status, outcome.status)) {
    if (outcome.providerRef && !refund.providerRef) {
      await tx.update(refunds).set({ providerRef: outcome.providerRef }).where(eq(refunds.id, refund.id));
    }
    return { refund, changed: false };
  }
  const [updated] = await tx
    .update(refunds)
    .set({
      status: outcome.status,
      providerRef: outcome.providerRef ?? refund.providerRef,
      failureReason: outcome.status === 'failed' ? (outcome.failureReason ?? 'failed') : null,
    })
    .where(eq(refunds.id, refund.id))
    .returning();
  if (outcome.status === 'succeeded') {
    const refundedAmount = payment.refundedAmount + refund.amount;
    await tx.update(payments).set({ refundedAmount }).where(eq(payments.id, payment.id));
    await transitionPayment(
      tx,
      payment.id,
      refundedAmount >= payment.amount ? 'refunded' : 'partially_refunded',
    );
  }
  return { refund: updated!, changed: true };
}

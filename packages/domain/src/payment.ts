import { z } from 'zod';
import { isoDateTime, rwf } from './common';
import { paymentId, refundId, tripId, userId } from './ids';

export const paymentMethods = ['card', 'mobile_money', 'cash'] as const;
export const paymentMethod = z.enum(paymentMethods);
export type PaymentMethod = z.infer<typeof paymentMethod>;

export const paymentStatuses = [
  'pending',
  'processing',
  'succeeded',
  'failed',
  'partially_refunded',
  'refunded',
] as const;
export const paymentStatus = z.enum(paymentStatuses);
export type PaymentStatus = z.infer<typeof paymentStatus>;

/**
 * Provider events can arrive late, twice or out of order (webhooks); a transition that is not in this table is
 * ignored rather than applied, which is what makes replays harmless.
 */
const paymentTransitions: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['processing', 'succeeded', 'failed'],
  processing: ['succeeded', 'failed'],
  succeeded: ['partially_refunded', 'refunded'],
  failed: [],
  partially_refunded: ['partially_refunded', 'refunded'],
  refunded: [],
};

export function canTransitionPayment(from: PaymentStatus, to: PaymentStatus): boolean {
  return paymentTransitions[from].includes(to);
}

export const payment = z.object({
  id: paymentId,
  tripId,
  payerId: userId,
  method: paymentMethod,
  amount: rwf,
  refundedAmount: rwf,
  status: paymentStatus,
  createdAt: isoDateTime,
});
export type Payment = z.infer<typeof payment>;

export const refundInput = z.object({
  paymentId,
  /** Absent means refund everything not yet refunded. */
  amount: rwf.positive().optional(),
  reason: z.string().trim().min(3).max(500),
});
export type RefundInput = z.infer<typeof refundInput>;

export const refundStatuses = ['pending', 'succeeded', 'failed'] as const;
export const refundStatus = z.enum(refundStatuses);
export const refund = z.object({
  id: refundId,
  paymentId,
  amount: rwf,
  reason: z.string(),
  status: refundStatus,
  createdBy: userId,
  createdAt: isoDateTime,
});
export type Refund = z.infer<typeof refund>;

/** What can still be refunded on a payment: never more than was paid minus what was already returned. */
export function refundableAmount(p: Pick<Payment, 'amount' | 'refundedAmount' | 'status'>): number {
  if (p.status !== 'succeeded' && p.status !== 'partially_refunded') return 0;
  return Math.max(0, p.amount - p.refundedAmount);
}

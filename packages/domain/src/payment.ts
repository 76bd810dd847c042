import { z } from 'zod';
import { isoDateTime, rwandaPhone, rwf } from './common';
import { paymentId, refundId, tripId, userId } from './ids';
import { text } from './text';

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
  // A failed charge may be tried again (an admin retries the dead-lettered provider call, or the rider confirms
  // the Stripe intent again with another card). Providers never report success before failure for one
  // attempt, so a late `failed` after `succeeded` is still ignored.
  failed: ['processing', 'succeeded'],
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
  reason: text({ min: 3, max: 500 }),
});
export type RefundInput = z.infer<typeof refundInput>;

export const refundStatuses = ['pending', 'succeeded', 'failed'] as const;
export const refundStatus = z.enum(refundStatuses);
/**
 * Where a refund was made: in KigaliGo (an admin, or a cancellation), by someone in the Stripe Dashboard,
 * which KigaliGo learns from Stripe's webhooks and records so the payment's figures stay true, or by KigaliGo
 * on its own for a payment that went through after its trip was paid another way (a late mobile-money
 * approval, a card confirmed after the rider switched to cash).
 */
export const refundOrigins = ['kigaligo', 'stripe_dashboard', 'duplicate_payment'] as const;
export const refundOrigin = z.enum(refundOrigins);
export type RefundOrigin = z.infer<typeof refundOrigin>;
export const refund = z.object({
  id: refundId,
  paymentId,
  amount: rwf,
  reason: z.string(),
  status: refundStatus,
  origin: refundOrigin,
  /** Who made it in KigaliGo; null for a refund made in the Stripe Dashboard or by KigaliGo on its own. */
  createdBy: userId.nullable(),
  createdAt: isoDateTime,
});
export type Refund = z.infer<typeof refund>;

/** What can still be refunded on a payment: never more than was paid minus what was already returned. */
export function refundableAmount(p: Pick<Payment, 'amount' | 'refundedAmount' | 'status'>): number {
  if (p.status !== 'succeeded' && p.status !== 'partially_refunded') return 0;
  return Math.max(0, p.amount - p.refundedAmount);
}

/**
 * What can be refunded now: a refund still waiting for its provider already holds its amount, as the server
 * counts it when it checks a new refund.
 */
export function refundableNow(
  p: Pick<Payment, 'id' | 'amount' | 'refundedAmount' | 'status'>,
  refunds: readonly Pick<Refund, 'paymentId' | 'amount' | 'status'>[],
): number {
  const held = refunds
    .filter((r) => r.paymentId === p.id && r.status === 'pending')
    .reduce((sum, r) => sum + r.amount, 0);
  return refundableAmount({ ...p, refundedAmount: p.refundedAmount + held });
}

/** A refund waits for the provider, then succeeds or fails; nothing moves it afterwards (replays are ignored). */
export function canTransitionRefund(from: RefundStatus, to: RefundStatus): boolean {
  return from === 'pending' && to !== 'pending';
}
export type RefundStatus = z.infer<typeof refundStatus>;

/**
 * Mobile-money network of a Rwandan number: MTN MoMo on 078/079, Airtel Money on 072/073 (the prefixes
 * `rwandaPhone` accepts). Each network collects only from its own subscribers.
 */
export function mobileMoneyNetwork(phone: string): 'mtn_momo' | 'airtel_money' {
  return /^\+2507[89]/.test(phone) ? 'mtn_momo' : 'airtel_money';
}

/** `POST /api/payments`: pay a trip (again, after a failure, or instead of cash). */
export const paymentRequest = z
  .object({
    tripId,
    method: paymentMethod,
    payerPhone: rwandaPhone.optional(),
    /** A Stripe PaymentMethod id from Stripe.js; without it the intent waits for the rider to confirm. */
    paymentMethodId: text({ min: 3, max: 255 }).optional(),
  })
  .refine((r) => r.method !== 'mobile_money' || r.payerPhone !== undefined, {
    path: ['payerPhone'],
    message: 'Enter the mobile-money number to pay from',
  });
export type PaymentRequest = z.infer<typeof paymentRequest>;

/** A payment as the API returns it: the domain payment plus who moves the money and what went wrong. */
export const paymentView = payment.extend({
  provider: z.string(),
  providerRef: z.string().nullable(),
  failureReason: z.string().nullable(),
  updatedAt: isoDateTime,
  /** Card payments waiting for the rider: Stripe.js confirms the intent with this. Owner only. */
  clientSecret: z.string().optional(),
  /** With it, a Customer Session's secret: the Payment Element offers the payer's saved cards. Owner only. */
  customerSessionClientSecret: z.string().optional(),
});
export type PaymentView = z.infer<typeof paymentView>;

/** `POST /api/me/cards/setup`: what the Payment Element saves a card with (a SetupIntent) and lists saved ones by. */
export const cardSetup = z.object({ clientSecret: z.string(), customerSessionClientSecret: z.string() });
export type CardSetup = z.infer<typeof cardSetup>;

/** `GET /api/payments`: riders their own, admins all, newest first. */
export const paymentList = z.object({ payments: z.array(paymentView) });

export const refundView = refund.extend({
  providerRef: z.string().nullable(),
  failureReason: z.string().nullable(),
});
export type RefundView = z.infer<typeof refundView>;

/**
 * A card payment the payer disputed with their bank (Stripe's dispute statuses). Money is held from the moment
 * it opens; `won` returns it, `lost` keeps it with the payer.
 */
export const disputeStatuses = [
  'warning_needs_response',
  'warning_under_review',
  'warning_closed',
  'needs_response',
  'under_review',
  'won',
  'lost',
] as const;
export const disputeStatus = z.enum(disputeStatuses);
export type DisputeStatus = z.infer<typeof disputeStatus>;
export const disputeView = z.object({
  id: z.uuid(),
  paymentId,
  /** Stripe's id (dp_…), to find it in the Dashboard. */
  providerRef: z.string(),
  amount: rwf,
  /** Stripe's reason code, e.g. `fraudulent` or `product_not_received`. */
  reason: z.string(),
  status: disputeStatus,
  openedAt: isoDateTime,
  /** When Stripe closed it (won, lost or a closed warning); null while it is open. */
  closedAt: isoDateTime.nullable(),
});
export type DisputeView = z.infer<typeof disputeView>;

/** What a trip's rider and driver see of its payment (in booking decisions). */
export const paymentSummary = z.object({
  method: paymentMethod,
  status: paymentStatus,
  amount: rwf,
  refundedAmount: rwf,
});
export type PaymentSummary = z.infer<typeof paymentSummary>;

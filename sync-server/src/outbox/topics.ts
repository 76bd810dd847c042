import { z } from 'zod';

/** What each outbox topic carries. Providers validate again before they call out. */
export const emailMessage = z.object({
  to: z.email(),
  subject: z.string().min(1).max(200),
  text: z.string().min(1).max(20_000),
});
export type EmailMessage = z.infer<typeof emailMessage>;

export const pushMessage = z.object({
  /** FCM registration tokens of the user's devices. */
  tokens: z.array(z.string().min(1)).min(1).max(500),
  title: z.string().min(1).max(120),
  body: z.string().min(1).max(1000),
  data: z.record(z.string(), z.string()).optional(),
});
export type PushMessage = z.infer<typeof pushMessage>;

/** Who moves the money: one adapter each (payments/providers/), chosen when the payment is created. */
export const paymentProviderNames = ['stripe', 'mtn_momo', 'airtel_money', 'cash'] as const;
export const paymentProviderName = z.enum(paymentProviderNames);
export type PaymentProviderName = z.infer<typeof paymentProviderName>;

/**
 * Collect a payment. Only ids travel: the worker reads the payment row when it delivers, so the amount sent is
 * the one in the database at that moment (frozen once the payment is `processing`).
 */
export const paymentChargeMessage = z.object({
  paymentId: z.uuid(),
  provider: paymentProviderName,
  /** A Stripe PaymentMethod (pm_…) collected by Stripe.js; without one the intent waits for the rider. */
  paymentMethodId: z.string().min(3).max(255).optional(),
});
export type PaymentChargeMessage = z.infer<typeof paymentChargeMessage>;

/**
 * Ask a mobile-money provider again about a charge dead-lettered because it stopped answering: the rider may
 * have approved the prompt all the same. Only reads; a success found late is applied (and refunded if the trip
 * was paid another way meanwhile).
 */
export const paymentRecheckMessage = z.object({
  paymentId: z.uuid(),
  provider: paymentProviderName,
});
export type PaymentRecheckMessage = z.infer<typeof paymentRecheckMessage>;

export const paymentRefundMessage = z.object({
  refundId: z.uuid(),
  paymentId: z.uuid(),
  provider: paymentProviderName,
});
export type PaymentRefundMessage = z.infer<typeof paymentRefundMessage>;

/**
 * A page to on-call's incoming webhook (alerts/): `text` is what Slack and Teams show; `kigaligo` is the same
 * alert for a receiver that routes on it. The URL is configuration (ALERT_WEBHOOK_URL), never in the row: it is a
 * secret, and admins read outbox rows.
 */
export const alertWebhookMessage = z.object({
  text: z.string().min(1).max(4000),
  kigaligo: z.object({
    condition: z.string().min(1),
    status: z.enum(['firing', 'resolved']),
    since: z.iso.datetime(),
    detail: z.record(z.string(), z.union([z.string(), z.number()])),
  }),
});
export type AlertWebhookMessage = z.infer<typeof alertWebhookMessage>;

export const outboxTopics = {
  email: emailMessage,
  push: pushMessage,
  'payment.charge': paymentChargeMessage,
  'payment.refund': paymentRefundMessage,
  'payment.recheck': paymentRecheckMessage,
  'alert.webhook': alertWebhookMessage,
} as const;
export type OutboxTopic = keyof typeof outboxTopics;

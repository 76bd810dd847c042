import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { DomainError, notFound } from '../domain-error';
import { documented } from '../http/api-docs';
import { applyStripeEvent, refundsOfRefundedCharge } from '../payments/stripe-webhook';

/**
 * Provider webhooks. No bearer token: the signature is the authentication. The body is read raw — the
 * signature covers the exact bytes — and the /api body limit (1 MiB) is far above what Stripe sends.
 */
export const webhookRoutes = new Hono<AppEnv>().post(
  '/stripe',
  documented({
    summary: 'Stripe events',
    description:
      'The raw body is verified against Stripe-Signature (400 invalid_signature). Acts on payment_intent.*, refund.*, charge.refunded (its refunds are read from Stripe) and charge.dispute.*; refunds made in the Stripe Dashboard are recorded. Replays and out-of-order events change nothing; 404 when Stripe webhooks are not configured.',
    audience: 'public',
    rawBody: { media: ['application/json'], description: 'The event exactly as Stripe signed it' },
    ok: { 200: z.object({ received: z.literal(true), duplicate: z.boolean() }) },
    errors: [400, 404],
  }),
  async (c) => {
    const hook = c.var.deps.stripeWebhook;
    if (!hook) throw notFound('Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)');
    const raw = await c.req.text();
    const signature = c.req.header('stripe-signature') ?? '';
    let event: ReturnType<typeof hook.stripe.webhooks.constructEvent>;
    try {
      event = hook.stripe.webhooks.constructEvent(raw, signature, hook.secret);
    } catch {
      throw new DomainError(
        'invalid',
        'invalid_signature',
        'The Stripe-Signature header does not match the body',
      );
    }
    const { db } = c.var.deps.database;
    // Read from Stripe before the transaction; should Stripe not answer, the 500 makes it deliver again later.
    const chargeRefunds = await refundsOfRefundedCharge(db, hook.stripe, event);
    const result = await db.transaction((tx) =>
      applyStripeEvent(tx, event, chargeRefunds ? { chargeRefunds } : {}),
    );
    if (result.tripId) await c.var.deps.tripDocs.refresh(result.tripId);
    c.var.deps.logger.info(
      { eventId: event.id, type: event.type, duplicate: result.duplicate },
      'stripe webhook',
    );
    // 200 for replays and ignored types too: Stripe stops redelivering an event once it is acknowledged.
    return c.json({ received: true, duplicate: result.duplicate });
  },
);

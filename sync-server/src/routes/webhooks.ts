import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { DomainError, notFound } from '../domain-error';
import { documented } from '../http/api-docs';
import { pollChargeNow } from '../payments/poll-now';
import { applyStripeEvent, refundsOfRefundedCharge } from '../payments/stripe-webhook';

/**
 * Provider webhooks. No bearer token: Stripe's signature is the authentication; mobile-money callbacks are
 * unsigned and only make us ask the provider sooner. The body is read raw — the
 * signature covers the exact bytes — and the /api body limit (1 MiB) is far above what Stripe sends.
 */
/** MoMo's request-to-pay callback body (what we read of it): our payment id is its externalId. */
const momoCallback = z.object({ externalId: z.string().optional() }).passthrough();
/** Airtel's collection callback: its transaction id is our payment's key. */
const airtelCallback = z
  .object({ transaction: z.object({ id: z.string().optional() }).passthrough() })
  .passthrough();

/** A mobile-money callback: a hint that a collection is final; the payment is asked about now (poll-now.ts). */
async function mobileMoneyCallback(c: Context<AppEnv>, provider: 'mtn_momo' | 'airtel_money') {
  const body = await c.req.json().catch(() => undefined);
  const { db } = c.var.deps.database;
  if (provider === 'mtn_momo') {
    const id = momoCallback.safeParse(body).data?.externalId;
    if (id && z.uuid().safeParse(id).success) await pollChargeNow(db, provider, { paymentId: id });
  } else {
    const key = airtelCallback.safeParse(body).data?.transaction.id;
    if (key) await pollChargeNow(db, provider, { idempotencyKey: key });
  }
  // The same answer whatever the body names: a caller learns nothing about our payments.
  return c.json({ received: true as const });
}

const callbackDocs = (who: string, shape: string) =>
  documented({
    summary: `${who} collection callbacks`,
    description: `${who} says a collection may be final (${shape}). Unsigned, so only a hint: the payment still at the provider is asked about now, its status read from ${who}. Always 200.`,
    audience: 'public',
    rawBody: { media: ['application/json'], description: `The callback as ${who} sends it` },
    ok: { 200: z.object({ received: z.literal(true) }) },
  });

export const webhookRoutes = new Hono<AppEnv>()
  .post('/momo', callbackDocs('MTN MoMo', 'externalId: our payment id'), (c) =>
    mobileMoneyCallback(c, 'mtn_momo'),
  )
  .put('/momo', callbackDocs('MTN MoMo', 'externalId: our payment id'), (c) =>
    mobileMoneyCallback(c, 'mtn_momo'),
  )
  .post('/airtel', callbackDocs('Airtel Money', 'transaction.id: our payment key'), (c) =>
    mobileMoneyCallback(c, 'airtel_money'),
  )
  .post(
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

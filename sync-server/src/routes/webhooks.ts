import { text } from '@kigaligo/domain';
import { type Context, Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { DomainError, notFound } from '../domain-error';
import { documented } from '../http/api-docs';
import { jsonBody } from '../http/validate';
import { pollChargeNow } from '../payments/poll-now';
import { applyStripeEvent, refundsOfRefundedCharge } from '../payments/stripe-webhook';

/** MoMo's request-to-pay callback (what we read of it; MoMo sends more): our payment id is its externalId. */
const momoCallback = z.looseObject({ externalId: text({ min: 1, max: 200 }) });
/** Airtel's collection callback: its transaction id is our payment's key. */
const airtelCallback = z.looseObject({ transaction: z.looseObject({ id: text({ min: 1, max: 200 }) }) });

/** A mobile-money callback: a hint that a collection is final; that payment is asked about now (poll-now.ts). */
async function pollNamed(c: Context<AppEnv>, provider: 'mtn_momo' | 'airtel_money', ref: string) {
  const { db } = c.var.deps.database;
  if (provider === 'airtel_money') await pollChargeNow(db, provider, { idempotencyKey: ref });
  else if (z.uuid().safeParse(ref).success) await pollChargeNow(db, provider, { paymentId: ref });
  // The same answer whatever a well-formed callback names: a caller learns nothing about our payments.
  return c.json({ received: true as const });
}

const callbackDocs = (who: string, shape: string) =>
  documented({
    summary: `${who} collection callbacks`,
    description: `${who} says a collection may be final (${shape}). Unsigned, so only a hint: the payment still at the provider is asked about now, its status read from ${who}. A well-formed callback gets 200 whatever it names; another body 400.`,
    audience: 'public',
    ok: { 200: z.object({ received: z.literal(true) }) },
    errors: [400],
  });

/**
 * Provider webhooks. No bearer token: Stripe's signature is the authentication (its body is read raw — the
 * signature covers the exact bytes — and the /api body limit, 1 MiB, is far above what Stripe sends);
 * mobile-money callbacks are unsigned and only make us ask the provider sooner.
 */
export const webhookRoutes = new Hono<AppEnv>()
  .post('/momo', callbackDocs('MTN MoMo', 'externalId: our payment id'), jsonBody(momoCallback), (c) =>
    pollNamed(c, 'mtn_momo', c.req.valid('json').externalId),
  )
  .put('/momo', callbackDocs('MTN MoMo', 'externalId: our payment id'), jsonBody(momoCallback), (c) =>
    pollNamed(c, 'mtn_momo', c.req.valid('json').externalId),
  )
  .post(
    '/airtel',
    callbackDocs('Airtel Money', 'transaction.id: our payment key'),
    jsonBody(airtelCallback),
    (c) => pollNamed(c, 'airtel_money', c.req.valid('json').transaction.id),
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

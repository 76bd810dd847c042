import Stripe from 'stripe';
import { type Payer, type PaymentProvider, PermanentProviderError, type ProviderOutcome } from './types';

export interface StripeConfig {
  secretKey: string;
  /** STRIPE_PUBLISHABLE_KEY: what Stripe.js in the rider app confirms card payments with (public). */
  publishableKey?: string | undefined;
  webhookSecret?: string | undefined;
  /** Tests point the SDK at a local server speaking Stripe's API (PITFALLS.md: stripe-mock is not installable). */
  host?: string | undefined;
  port?: number | undefined;
  protocol?: 'http' | 'https' | undefined;
  /** Per request; a timed-out call is retried by the outbox with the same idempotency key. */
  timeoutMs?: number | undefined;
}

export function stripeClient(config: StripeConfig): Stripe {
  return new Stripe(config.secretKey, {
    ...(config.host ? { host: config.host } : {}),
    ...(config.port ? { port: config.port } : {}),
    ...(config.protocol ? { protocol: config.protocol } : {}),
    timeout: config.timeoutMs ?? 30_000,
    // The outbox owns retries (with backoff and a dead letter); the SDK's own retry would hide them.
    maxNetworkRetries: 0,
    telemetry: false,
  });
}

function intentOutcome(pi: Stripe.PaymentIntent): ProviderOutcome {
  const details = { provider: 'stripe', paymentIntent: pi.id, status: pi.status, amount: pi.amount };
  if (pi.status === 'succeeded') return { status: 'succeeded', providerRef: pi.id, details };
  if (pi.status === 'canceled') {
    return { status: 'failed', providerRef: pi.id, failureReason: 'The card payment was cancelled', details };
  }
  // processing, requires_action, requires_payment_method…: a webhook tells us how it ends; Stripe.js
  // confirms with the client secret when the rider has to act (3-D Secure, entering a card).
  return {
    status: 'pending',
    providerRef: pi.id,
    details: { ...details, ...(pi.client_secret ? { clientSecret: pi.client_secret } : {}) },
  };
}

/**
 * Stripe's answer to an error: a declined card is a final answer about this payment; a request Stripe refuses
 * (bad key, reused idempotency key with other parameters) will be refused again; anything else (network,
 * timeout, 429, 5xx) is worth retrying with the same idempotency key.
 */
function classify(err: unknown): ProviderOutcome {
  if (err instanceof Stripe.errors.StripeCardError) {
    const pi = (err.raw as { payment_intent?: { id?: string } } | undefined)?.payment_intent;
    return {
      status: 'failed',
      providerRef: pi?.id ?? null,
      failureReason: err.message,
      details: { provider: 'stripe', declined: err.code ?? err.decline_code ?? 'card_declined' },
    };
  }
  if (
    err instanceof Stripe.errors.StripeInvalidRequestError ||
    err instanceof Stripe.errors.StripeAuthenticationError ||
    err instanceof Stripe.errors.StripePermissionError ||
    err instanceof Stripe.errors.StripeIdempotencyError
  ) {
    throw new PermanentProviderError(`Stripe refused the request: ${err.message}`);
  }
  throw err;
}

export function stripeProvider(stripe: Stripe): PaymentProvider {
  return {
    name: 'stripe',
    sandbox: false,
    async createCustomer(payer) {
      try {
        const customer = await stripe.customers.create(
          { email: payer.email, name: payer.name, metadata: { userId: payer.id } },
          { idempotencyKey: `customer-${payer.id}` },
        );
        return customer.id;
      } catch (err) {
        classify(err);
        throw err;
      }
    },
    async charge(r) {
      try {
        const pi = await stripe.paymentIntents.create(
          {
            // RWF is a zero-decimal currency at Stripe: the amount is whole francs, as ours are.
            amount: r.amount,
            currency: 'rwf',
            metadata: { paymentId: r.paymentId, tripId: r.tripId },
            description: `KigaliGo trip ${r.tripId}`,
            ...(r.customerId ? { customer: r.customerId } : {}),
            ...(r.paymentMethodId
              ? {
                  payment_method: r.paymentMethodId,
                  confirm: true,
                  automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
                }
              : { automatic_payment_methods: { enabled: true } }),
          },
          { idempotencyKey: r.idempotencyKey },
        );
        return intentOutcome(pi);
      } catch (err) {
        return classify(err);
      }
    },
    async refund(r) {
      if (!r.paymentProviderRef) throw new PermanentProviderError('The payment has no Stripe PaymentIntent');
      try {
        const refund = await stripe.refunds.create(
          {
            payment_intent: r.paymentProviderRef,
            amount: r.amount,
            reason: 'requested_by_customer',
            metadata: { refundId: r.refundId, paymentId: r.paymentId },
          },
          { idempotencyKey: r.idempotencyKey },
        );
        const details = {
          provider: 'stripe',
          refund: refund.id,
          status: refund.status,
          amount: refund.amount,
        };
        if (refund.status === 'succeeded') return { status: 'succeeded', providerRef: refund.id, details };
        if (refund.status === 'failed' || refund.status === 'canceled') {
          return {
            status: 'failed',
            providerRef: refund.id,
            failureReason: refund.failure_reason ?? 'failed',
            details,
          };
        }
        // pending / requires_action: the refund.updated webhook settles it.
        return { status: 'pending', providerRef: refund.id, details };
      } catch (err) {
        return classify(err);
      }
    },
  };
}

/** What the rider app's card forms need from Stripe beyond payments: the rider's Customer and its cards. */
export interface StripeCards {
  createCustomer(payer: Payer): Promise<string>;
  /** A Customer Session's client secret (see customerSessionSecret). */
  session(customerId: string): Promise<string>;
  /** A SetupIntent's client secret: the rider saves a card without paying. */
  setup(customerId: string): Promise<string>;
}

export function stripeCards(stripe: Stripe): StripeCards {
  const provider = stripeProvider(stripe);
  return {
    createCustomer: (payer) => provider.createCustomer!(payer),
    session: (customerId) => customerSessionSecret(stripe, customerId),
    async setup(customerId) {
      const intent = await stripe.setupIntents.create({
        customer: customerId,
        usage: 'on_session',
        automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
      });
      if (!intent.client_secret) throw new Error('Stripe answered a SetupIntent without a client secret');
      return intent.client_secret;
    },
  };
}

/**
 * A Customer Session for the Payment Element: the payer's saved cards are offered (and can be removed), and a
 * new card can be saved for next time if the rider ticks the box. Its client secret lives 30 minutes and goes
 * to the customer it belongs to only.
 */
export async function customerSessionSecret(stripe: Stripe, customerId: string): Promise<string> {
  const session = await stripe.customerSessions.create({
    customer: customerId,
    components: {
      payment_element: {
        enabled: true,
        features: {
          payment_method_redisplay: 'enabled',
          payment_method_save: 'enabled',
          payment_method_save_usage: 'on_session',
          payment_method_remove: 'enabled',
        },
      },
    },
  });
  return session.client_secret;
}

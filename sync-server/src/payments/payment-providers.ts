import Stripe from 'stripe';
import type { Db } from '../db/client';
import type { Providers } from '../outbox/providers';
import { chargeTopic, type PaymentTopicOptions } from './charge-topic';
import { type AirtelConfig, airtelProvider } from './providers/airtel';
import { cashProvider } from './providers/cash';
import { type MomoConfig, momoProvider } from './providers/momo';
import { sandboxProvider, unavailableProvider } from './providers/sandbox';
import {
  type StripeCards,
  type StripeConfig,
  stripeCards,
  stripeClient,
  stripeProvider,
} from './providers/stripe';
import type { PaymentProviders } from './providers/types';
import { recheckTopic } from './recheck-topic';
import { refundTopic } from './refund-topic';

export interface PaymentsConfig {
  /** STRIPE_SECRET_KEY (+ STRIPE_WEBHOOK_SECRET); without a key, card payments use the sandbox. */
  stripe?: StripeConfig | undefined;
  /** Only the webhook secret, e.g. a sandbox deployment that still receives Stripe test events. */
  stripeWebhookSecret?: string | undefined;
  /** MOMO_*; without it, mobile money uses the sandbox. */
  momo?: MomoConfig | undefined;
  /** AIRTEL_*; without it, Airtel numbers use the sandbox (or are refused when only MoMo is real). */
  airtel?: AirtelConfig | undefined;
}

export interface StripeWebhookDeps {
  stripe: Stripe;
  secret: string;
}

/**
 * Providers from configuration: each real one when its credentials are set, else the local sandbox that
 * records what would have been sent. With MTN MoMo real but Airtel not configured, Airtel numbers are refused
 * with a reason the rider can act on rather than "paid" by a sandbox next to real MoMo money.
 */
export function paymentProvidersFrom(config: PaymentsConfig): {
  providers: PaymentProviders;
  stripeWebhook: StripeWebhookDeps | undefined;
  cards: StripeCards | undefined;
} {
  const stripe = config.stripe ? stripeClient(config.stripe) : undefined;
  const secret = config.stripe?.webhookSecret ?? config.stripeWebhookSecret;
  const providers: PaymentProviders = {
    stripe: stripe ? stripeProvider(stripe) : sandboxProvider('stripe'),
    mtn_momo: config.momo ? momoProvider(config.momo) : sandboxProvider('mtn_momo'),
    airtel_money: config.airtel
      ? airtelProvider(config.airtel)
      : config.momo
        ? unavailableProvider(
            'airtel_money',
            'Airtel Money is not available yet: pay with MTN MoMo, card or cash',
          )
        : sandboxProvider('airtel_money'),
    cash: cashProvider,
  };
  return {
    providers,
    // Verifying signatures needs no API key: a client with a placeholder key never calls out.
    stripeWebhook: secret ? { stripe: stripe ?? new Stripe('sk_webhooks_only'), secret } : undefined,
    cards: stripe ? stripeCards(stripe) : undefined,
  };
}

/** The outbox handlers of the payment topics, for OutboxWorker's providers. */
export function paymentTopicHandlers(
  db: Db,
  providers: PaymentProviders,
  opts: PaymentTopicOptions,
): Pick<Providers, 'payment.charge' | 'payment.refund' | 'payment.recheck'> {
  return {
    'payment.charge': chargeTopic(db, providers, opts),
    'payment.refund': refundTopic(db, providers, opts),
    'payment.recheck': recheckTopic(db, providers, opts),
  };
}

import type { CardConfig, PushConfig } from '@kigaligo/domain';
import type { Db } from '../db/client';
import { fcmPush } from '../notifications/push-fcm';
import type { Providers } from '../outbox/providers';
import {
  type PaymentsConfig,
  paymentProvidersFrom,
  paymentTopicHandlers,
  type StripeWebhookDeps,
} from './payment-providers';
import type { PushOptions } from './payments-config';
import type { StripeCards } from './providers/stripe';

// Failed deliveries (provider down, HTTP 5xx) a payment topic survives before it is dead-lettered; with the
// worker's backoff (2 s doubling, capped at 10 min) about 17 minutes. A collection that is still PENDING is no
// failure: the outbox keeps polling it at the capped backoff until the provider decides (or expires it).
const CHARGE_MAX_ATTEMPTS = 10;

export interface ProviderWiring {
  /** The payment topics and push, for the OutboxWorker (email stays with SendGrid/sandbox in server.ts). */
  outboxProviders: Providers;
  stripeWebhook: StripeWebhookDeps | undefined;
  cards: StripeCards | undefined;
  pushConfig: PushConfig;
  cardConfig: CardConfig;
  close(): Promise<void>;
}

/** Builds the payment and push providers from configuration (with no keys: the sandboxes). */
export function wireProviders(
  db: Db,
  opts: { payments?: PaymentsConfig | undefined; push?: PushOptions | undefined },
  refresh: (tripId: string) => Promise<void>,
): ProviderWiring {
  const { providers, stripeWebhook, cards } = paymentProvidersFrom(opts.payments ?? {});
  const fcm = opts.push?.fcmServiceAccount
    ? fcmPush({ serviceAccount: opts.push.fcmServiceAccount })
    : undefined;
  const web = opts.push?.fcmWebConfig;
  return {
    outboxProviders: {
      ...paymentTopicHandlers(db, providers, { refresh, maxAttempts: CHARGE_MAX_ATTEMPTS }),
      ...(fcm ? { push: fcm.handler } : {}),
    },
    stripeWebhook,
    cards,
    pushConfig:
      fcm && web
        ? { mode: 'fcm', firebase: web, vapidKey: opts.push?.fcmVapidKey ?? null }
        : { mode: 'sandbox' },
    cardConfig: opts.payments?.stripe?.publishableKey
      ? { provider: 'stripe', publishableKey: opts.payments.stripe.publishableKey }
      : { provider: 'sandbox' },
    close: async () => {
      await fcm?.close();
    },
  };
}

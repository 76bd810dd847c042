import { loadServiceAccount, type ServiceAccount } from '../notifications/push-fcm';
import type { PaymentsConfig } from './payment-providers';

export interface PushOptions {
  /** FCM_SERVICE_ACCOUNT (JSON or path): push through firebase-admin; without it the sandbox records pushes. */
  fcmServiceAccount?: ServiceAccount | undefined;
  /**
   * FCM_WEB_CONFIG (JSON: apiKey, projectId, appId, messagingSenderId, …) and FCM_VAPID_KEY: what the web
   * apps' Firebase JS SDK registers with.
   */
  fcmWebConfig?: Record<string, string> | undefined;
  fcmVapidKey?: string | undefined;
}

function apiBase(value: string | undefined) {
  if (!value) return {};
  const url = new URL(value);
  return {
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'http:' ? 80 : 443)),
    protocol: url.protocol === 'http:' ? ('http' as const) : ('https' as const),
  };
}

function momoFromEnv(env: NodeJS.ProcessEnv): PaymentsConfig['momo'] {
  const names = ['MOMO_BASE_URL', 'MOMO_SUBSCRIPTION_KEY', 'MOMO_API_USER', 'MOMO_API_KEY'] as const;
  const set = names.filter((n) => env[n]);
  if (set.length === 0) return undefined;
  // Half a configuration would silently fall back to the sandbox and "collect" nothing: refuse to start.
  if (set.length < names.length) {
    throw new Error(
      `Mobile money needs all of ${names.join(', ')}; missing ${names.filter((n) => !env[n]).join(', ')}`,
    );
  }
  return {
    baseUrl: env.MOMO_BASE_URL!,
    subscriptionKey: env.MOMO_SUBSCRIPTION_KEY!,
    disbursementSubscriptionKey: env.MOMO_DISBURSEMENT_KEY || undefined,
    apiUser: env.MOMO_API_USER!,
    apiKey: env.MOMO_API_KEY!,
    targetEnvironment: env.MOMO_TARGET_ENV || 'sandbox',
    currency: env.MOMO_CURRENCY || 'RWF',
    // MoMo calls it when a collection is final; without a public address we only poll.
    callbackUrl: env.PUBLIC_URL ? `${env.PUBLIC_URL.replace(/\/$/, '')}/api/webhooks/momo` : undefined,
  };
}

function airtelFromEnv(env: NodeJS.ProcessEnv): PaymentsConfig['airtel'] {
  const names = ['AIRTEL_BASE_URL', 'AIRTEL_CLIENT_ID', 'AIRTEL_CLIENT_SECRET'] as const;
  const set = names.filter((n) => env[n]);
  if (set.length === 0) return undefined;
  // As for MoMo: half a configuration must not quietly become the sandbox.
  if (set.length < names.length) {
    throw new Error(
      `Airtel Money needs all of ${names.join(', ')}; missing ${names.filter((n) => !env[n]).join(', ')}`,
    );
  }
  return {
    baseUrl: env.AIRTEL_BASE_URL!,
    clientId: env.AIRTEL_CLIENT_ID!,
    clientSecret: env.AIRTEL_CLIENT_SECRET!,
    country: env.AIRTEL_COUNTRY || 'RW',
    currency: env.AIRTEL_CURRENCY || 'RWF',
    encryptedPin: env.AIRTEL_DISBURSEMENT_PIN || undefined,
  };
}

function stripeFromEnv(env: NodeJS.ProcessEnv): PaymentsConfig['stripe'] {
  if (!env.STRIPE_SECRET_KEY) return undefined;
  // Without the publishable key the rider app could not confirm a card: every card payment would wait forever.
  if (!env.STRIPE_PUBLISHABLE_KEY) {
    throw new Error('Card payments need STRIPE_PUBLISHABLE_KEY (pk_…) next to STRIPE_SECRET_KEY');
  }
  if (!/^pk_(test|live)_\w+$/.test(env.STRIPE_PUBLISHABLE_KEY)) {
    throw new Error('STRIPE_PUBLISHABLE_KEY must be a Stripe publishable key (pk_test_… or pk_live_…)');
  }
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    publishableKey: env.STRIPE_PUBLISHABLE_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
    ...apiBase(env.STRIPE_API_BASE),
  };
}

/** Payment and push providers from the environment (README.md's configuration table). */
export function paymentsConfigFromEnv(env: NodeJS.ProcessEnv): {
  payments: PaymentsConfig;
  push: PushOptions;
} {
  const webConfig = env.FCM_WEB_CONFIG
    ? (JSON.parse(env.FCM_WEB_CONFIG) as Record<string, string>)
    : undefined;
  return {
    payments: {
      stripe: stripeFromEnv(env),
      stripeWebhookSecret: env.STRIPE_WEBHOOK_SECRET || undefined,
      momo: momoFromEnv(env),
      airtel: airtelFromEnv(env),
    },
    push: {
      fcmServiceAccount: env.FCM_SERVICE_ACCOUNT ? loadServiceAccount(env.FCM_SERVICE_ACCOUNT) : undefined,
      fcmWebConfig: webConfig,
      fcmVapidKey: env.FCM_VAPID_KEY || undefined,
    },
  };
}

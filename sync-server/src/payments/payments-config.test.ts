import { describe, expect, it } from 'vitest';
import { testServiceAccount } from '../notifications/test-support/fake-fcm';
import { paymentProvidersFrom } from './payment-providers';
import { paymentsConfigFromEnv } from './payments-config';

describe('payment and push configuration', () => {
  it('with no keys every provider is the sandbox', () => {
    const { payments, push } = paymentsConfigFromEnv({});
    expect(payments).toEqual({
      stripe: undefined,
      stripeWebhookSecret: undefined,
      momo: undefined,
      airtel: undefined,
    });
    expect(push.fcmServiceAccount).toBeUndefined();
    const { providers, stripeWebhook } = paymentProvidersFrom(payments);
    expect(Object.values(providers).map((p) => [p.name, p.sandbox])).toEqual([
      ['stripe', true],
      ['mtn_momo', true],
      ['airtel_money', true],
      ['cash', false],
    ]);
    expect(stripeWebhook).toBeUndefined();
  });

  it('reads Stripe, MoMo and FCM settings', () => {
    const account = testServiceAccount('kigaligo-prod');
    const { payments, push } = paymentsConfigFromEnv({
      STRIPE_SECRET_KEY: 'sk_live_x',
      STRIPE_PUBLISHABLE_KEY: 'pk_live_x',
      STRIPE_WEBHOOK_SECRET: 'whsec_x',
      STRIPE_API_BASE: 'http://127.0.0.1:12111',
      MOMO_BASE_URL: 'https://proxy.momoapi.mtn.com',
      MOMO_SUBSCRIPTION_KEY: 'sub',
      MOMO_API_USER: 'user',
      MOMO_API_KEY: 'key',
      MOMO_TARGET_ENV: 'mtnrwanda',
      FCM_SERVICE_ACCOUNT: JSON.stringify(account),
      FCM_WEB_CONFIG: '{"apiKey":"AIza","projectId":"kigaligo-prod","appId":"1:2:web:3"}',
      FCM_VAPID_KEY: 'BKey',
    });
    expect(payments.stripe).toMatchObject({
      secretKey: 'sk_live_x',
      publishableKey: 'pk_live_x',
      webhookSecret: 'whsec_x',
      host: '127.0.0.1',
      port: 12111,
      protocol: 'http',
    });
    expect(payments.momo).toMatchObject({ targetEnvironment: 'mtnrwanda', currency: 'RWF', apiUser: 'user' });
    expect(push.fcmServiceAccount?.project_id).toBe('kigaligo-prod');
    expect(push.fcmWebConfig?.projectId).toBe('kigaligo-prod');
    const { providers, stripeWebhook } = paymentProvidersFrom(payments);
    expect(providers.stripe.sandbox).toBe(false);
    expect(providers.mtn_momo.sandbox).toBe(false);
    expect(providers.airtel_money.sandbox).toBe(false);
    expect(stripeWebhook?.secret).toBe('whsec_x');
  });

  it('refuses a Stripe secret key without a publishable key the rider app could confirm cards with', () => {
    expect(() => paymentsConfigFromEnv({ STRIPE_SECRET_KEY: 'sk_test_x' })).toThrow('STRIPE_PUBLISHABLE_KEY');
    expect(() =>
      paymentsConfigFromEnv({ STRIPE_SECRET_KEY: 'sk_test_x', STRIPE_PUBLISHABLE_KEY: 'sk_test_x' }),
    ).toThrow('pk_test_');
  });

  it('reads the Airtel Money settings; Airtel numbers then go to Airtel, not the refusing stand-in', () => {
    const { payments } = paymentsConfigFromEnv({
      AIRTEL_BASE_URL: 'https://openapi.airtel.africa',
      AIRTEL_CLIENT_ID: 'id',
      AIRTEL_CLIENT_SECRET: 'secret',
      AIRTEL_DISBURSEMENT_PIN: 'enc-pin',
    });
    expect(payments.airtel).toEqual({
      baseUrl: 'https://openapi.airtel.africa',
      clientId: 'id',
      clientSecret: 'secret',
      country: 'RW',
      currency: 'RWF',
      encryptedPin: 'enc-pin',
    });
    const { providers } = paymentProvidersFrom(payments);
    expect([providers.airtel_money.sandbox, providers.mtn_momo.sandbox]).toEqual([false, true]);
    expect(() => paymentsConfigFromEnv({ AIRTEL_BASE_URL: 'https://x', AIRTEL_CLIENT_ID: 'id' })).toThrow(
      /AIRTEL_CLIENT_SECRET/,
    );
  });

  it('refuses half a mobile-money configuration instead of silently using the sandbox', () => {
    expect(() => paymentsConfigFromEnv({ MOMO_BASE_URL: 'https://x', MOMO_API_KEY: 'k' })).toThrow(
      /MOMO_SUBSCRIPTION_KEY/,
    );
    expect(() => paymentsConfigFromEnv({ FCM_SERVICE_ACCOUNT: '{"project_id":"x"}' })).toThrow(
      /service account/,
    );
  });
});

import type { ServerResponse } from 'node:http';
import Stripe from 'stripe';
import { type LocalServer, sendJson, startLocalServer } from './local-server';

interface Intent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_received: number;
  currency: string;
  status: string;
  client_secret: string;
  metadata: Record<string, string>;
  payment_method: string | null;
  customer: string | null;
  last_payment_error: null | { message: string };
}

interface StripeRefund {
  id: string;
  object: 'refund';
  payment_intent: string;
  /** Each intent here has one charge, `ch_<intent id>`. */
  charge: string;
  amount: number;
  currency: string;
  status: 'succeeded' | 'pending' | 'failed';
  reason: string | null;
  metadata: Record<string, string>;
}

/**
 * A local server speaking the Stripe endpoints we use, form-encoded as the SDK sends them:
 * `POST /v1/payment_intents`, `POST /v1/refunds`, `GET /v1/refunds?charge=` (one page), `POST /v1/customers` and
 * `POST /v1/customer_sessions`, `POST /v1/setup_intents`; Stripe.js's `POST /v1/setup_intents/:id/confirm`,
 * `POST /v1/payment_intents/:id/confirm` and `GET /v1/payment_intents/:id` (publishable key and client secret);
 * and, standing for the cardholder's bank, `POST /test_helpers/payment_intents/:id/authenticate`. Like Stripe
 * it requires the Idempotency-Key we send,
 * replays the stored answer for a repeated key (and refuses the key with other parameters), and refuses a
 * refund beyond what the intent collected. `delayNext` holds a response back (the work is already done, as
 * when a real answer is lost to a timeout); `failNext` answers 503.
 */
const signer = new Stripe('sk_test_signer');

export async function fakeStripe() {
  const intents = new Map<string, Intent>();
  const refunds: StripeRefund[] = [];
  const customers = new Map<string, { id: string; email: string | null; userId: string }>();
  /** SetupIntents: a card saved to a Customer without a payment (Stripe.js confirms them). */
  const setupIntents = new Map<
    string,
    {
      id: string;
      client_secret: string;
      status: string;
      customer: string;
      usage: string;
      payment_method: string | null;
    }
  >();
  /** Customer Sessions made, with what was asked of the Payment Element. */
  const sessions: { customer: string; params: Record<string, string> }[] = [];
  const byKey = new Map<string, { params: string; status: number; body: unknown }>();
  const requests: { path: string; idempotencyKey: string | undefined; params: Record<string, string> }[] = [];
  // refundStatus: what a new refund answers with (card refunds may stay pending until Stripe settles them).
  const state = {
    delayNextMs: 0,
    failNext: 0,
    missingKeys: 0,
    refundStatus: 'succeeded' as StripeRefund['status'],
  };

  const answer = (res: ServerResponse, status: number, body: unknown, replayed = false) => {
    const delay = state.delayNextMs;
    state.delayNextMs = 0;
    const send = () => {
      if (!res.destroyed) sendJson(res, status, body, replayed ? { 'idempotent-replayed': 'true' } : {});
    };
    if (delay > 0) setTimeout(send, delay).unref();
    else send();
  };

  const createIntent = (p: Record<string, string>): [number, unknown] => {
    const id = `pi_${intents.size + 1}_${Math.random().toString(36).slice(2, 8)}`;
    const metadata = Object.fromEntries(
      Object.entries(p)
        .filter(([k]) => k.startsWith('metadata['))
        .map(([k, v]) => [k.slice(9, -1), v]),
    );
    const pm = p.payment_method ?? null;
    const intent: Intent = {
      id,
      object: 'payment_intent',
      amount: Number(p.amount),
      amount_received: 0,
      currency: p.currency ?? '',
      status: 'requires_payment_method',
      client_secret: `${id}_secret_test`,
      metadata,
      payment_method: pm,
      customer: p.customer ?? null,
      last_payment_error: null,
    };
    if (pm && p.confirm === 'true') {
      if (pm === 'pm_card_chargeDeclined') {
        intent.last_payment_error = { message: 'Your card was declined.' };
        intents.set(id, intent);
        return [
          402,
          {
            error: {
              type: 'card_error',
              code: 'card_declined',
              message: 'Your card was declined.',
              payment_intent: intent,
            },
          },
        ];
      }
      // Stripe's test card that always asks for 3-D Secure: the intent waits for the cardholder, whom
      // Stripe.js shows the challenge with the client secret; only a webhook says how it ended.
      if (pm === 'pm_card_authenticationRequired') {
        intent.status = 'requires_action';
        intents.set(id, intent);
        return [200, { ...intent, next_action: { type: 'use_stripe_sdk', use_stripe_sdk: {} } }];
      }
      intent.status = 'succeeded';
      intent.amount_received = intent.amount;
    }
    intents.set(id, intent);
    return [200, intent];
  };

  const createCustomer = (p: Record<string, string>): [number, unknown] => {
    const id = `cus_${customers.size + 1}_${Math.random().toString(36).slice(2, 8)}`;
    const customer = { id, object: 'customer', email: p.email ?? null, name: p.name ?? null, metadata: {} };
    customers.set(id, { ...customer, userId: p['metadata[userId]'] ?? '' });
    return [200, customer];
  };

  const createRefund = (p: Record<string, string>): [number, unknown] => {
    const intent = intents.get(p.payment_intent ?? '');
    if (intent?.status !== 'succeeded') {
      return [400, { error: { type: 'invalid_request_error', message: 'No such charge to refund' } }];
    }
    const already = refunds.filter((r) => r.payment_intent === intent.id).reduce((s, r) => s + r.amount, 0);
    const amount = p.amount ? Number(p.amount) : intent.amount_received - already;
    if (amount + already > intent.amount_received) {
      return [
        400,
        {
          error: {
            type: 'invalid_request_error',
            code: 'charge_already_refunded',
            message: 'Refund exceeds charge',
          },
        },
      ];
    }
    const metadata = Object.fromEntries(
      Object.entries(p)
        .filter(([k]) => k.startsWith('metadata['))
        .map(([k, v]) => [k.slice(9, -1), v]),
    );
    const refund = newRefund(intent, amount, metadata, null);
    return [200, refund];
  };

  const newRefund = (
    intent: Intent,
    amount: number,
    metadata: Record<string, string>,
    reason: string | null,
  ): StripeRefund => {
    const refund: StripeRefund = {
      id: `re_${refunds.length + 1}_${Math.random().toString(36).slice(2, 8)}`,
      object: 'refund',
      payment_intent: intent.id,
      charge: `ch_${intent.id}`,
      amount,
      currency: intent.currency,
      status: state.refundStatus,
      reason,
      metadata,
    };
    refunds.push(refund);
    return refund;
  };

  /** Someone refunds in the Stripe Dashboard: no metadata of ours, and nothing tells our server but webhooks. */
  const dashboardRefund = (
    intentId: string,
    amount: number,
    reason: string | null = 'requested_by_customer',
  ) => newRefund(intents.get(intentId)!, amount, {}, reason);

  /**
   * What Stripe.js sends when the rider confirms an intent in the browser: the publishable key and the
   * client secret in the form (no secret key), a test PaymentMethod. No idempotency key, as Stripe.js sends none.
   */
  const confirmIntent = (id: string, p: Record<string, string>): [number, unknown] => {
    const intent = intents.get(id);
    if (!p.key?.startsWith('pk_test_') || !intent || p.client_secret !== intent.client_secret) {
      return [404, { error: { type: 'invalid_request_error', message: `No such payment_intent: '${id}'` } }];
    }
    if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') {
      return [400, { error: { type: 'invalid_request_error', code: 'payment_intent_unexpected_state' } }];
    }
    intent.payment_method = p.payment_method ?? null;
    if (p.payment_method === 'pm_card_chargeDeclined') {
      intent.last_payment_error = { message: 'Your card was declined.' };
      return [
        402,
        { error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' } },
      ];
    }
    if (p.payment_method === 'pm_card_authenticationRequired') {
      intent.status = 'requires_action';
      return [200, { ...intent, next_action: { type: 'use_stripe_sdk', use_stripe_sdk: {} } }];
    }
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
    return [200, intent];
  };

  /** Stripe.js reads an intent back with the publishable key and its client secret (after a 3-D Secure step). */
  const publicIntent = (id: string, query: URLSearchParams): [number, unknown] => {
    const intent = intents.get(id);
    if (!query.get('key')?.startsWith('pk_test_') || query.get('client_secret') !== intent?.client_secret) {
      return [404, { error: { type: 'invalid_request_error', message: `No such payment_intent: '${id}'` } }];
    }
    return [200, intent];
  };

  /**
   * The cardholder's bank answers a 3-D Secure challenge (Stripe's hooks.stripe.com and the bank's page, which
   * no API exposes): `complete` collects the money, `fail` sends the intent back for another payment method.
   */
  const authenticate = (id: string, outcome: string | undefined): [number, unknown] => {
    const intent = intents.get(id);
    if (intent?.status !== 'requires_action') return [404, { error: { message: 'No challenge waiting' } }];
    if (outcome === 'complete') {
      intent.status = 'succeeded';
      intent.amount_received = intent.amount;
    } else {
      intent.status = 'requires_payment_method';
      intent.last_payment_error = { message: 'We are unable to authenticate your payment method.' };
    }
    return [200, intent];
  };

  const local: LocalServer = await startLocalServer((req, raw, res) => {
    const params = Object.fromEntries(new URLSearchParams(raw));
    const key = req.headers['idempotency-key'] as string | undefined;
    const path = req.url ?? '';
    requests.push({ path, idempotencyKey: key, params });
    const confirm = req.method === 'POST' ? /^\/v1\/payment_intents\/([\w]+)\/confirm$/.exec(path) : null;
    const setupConfirm = req.method === 'POST' ? /^\/v1\/setup_intents\/(\w+)\/confirm$/.exec(path) : null;
    if (setupConfirm) {
      const setup = setupIntents.get(setupConfirm[1]!);
      if (!params.key?.startsWith('pk_test_') || !setup || params.client_secret !== setup.client_secret) {
        return sendJson(res, 404, {
          error: { type: 'invalid_request_error', message: 'No such setup_intent' },
        });
      }
      // Stripe's test cards attach to the Customer; the declined one does not.
      if (params.payment_method === 'pm_card_chargeDeclined') {
        return sendJson(res, 402, {
          error: { type: 'card_error', code: 'card_declined', message: 'Your card was declined.' },
        });
      }
      setup.status = 'succeeded';
      setup.payment_method = params.payment_method ?? null;
      return sendJson(res, 200, setup);
    }
    if (confirm) {
      const [status, body] = confirmIntent(confirm[1]!, params);
      return sendJson(res, status, body);
    }
    const browserUrl = new URL(path, 'http://stripe.invalid');
    const retrieve = req.method === 'GET' ? /^\/v1\/payment_intents\/(\w+)$/.exec(browserUrl.pathname) : null;
    if (retrieve && !req.headers.authorization) {
      const [status, body] = publicIntent(retrieve[1]!, browserUrl.searchParams);
      return sendJson(res, status, body);
    }
    const challenge =
      req.method === 'POST' ? /^\/test_helpers\/payment_intents\/(\w+)\/authenticate$/.exec(path) : null;
    if (challenge) {
      const [status, body] = authenticate(challenge[1]!, params.outcome);
      return sendJson(res, status, body);
    }
    if (!req.headers.authorization?.startsWith('Bearer sk_test_')) {
      return sendJson(res, 401, { error: { type: 'invalid_request_error', message: 'Invalid API Key' } });
    }
    if (state.failNext > 0) {
      state.failNext -= 1;
      return sendJson(res, 503, { error: { type: 'api_error', message: 'Stripe is down' } });
    }
    const url = new URL(path, 'http://stripe.invalid');
    if (req.method === 'GET' && url.pathname === '/v1/refunds') {
      const charge = url.searchParams.get('charge');
      const data = refunds.filter((r) => r.charge === charge).reverse();
      return sendJson(res, 200, { object: 'list', url: '/v1/refunds', has_more: false, data });
    }
    if (req.method === 'POST' && path === '/v1/setup_intents') {
      if (!customers.has(params.customer ?? '')) {
        return sendJson(res, 400, { error: { type: 'invalid_request_error', message: 'No such customer' } });
      }
      const id = `seti_${setupIntents.size + 1}_${Math.random().toString(36).slice(2, 8)}`;
      const setup = {
        id,
        object: 'setup_intent',
        client_secret: `${id}_secret_test`,
        status: 'requires_payment_method',
        customer: params.customer!,
        usage: params.usage ?? 'off_session',
        payment_method: null as string | null,
      };
      setupIntents.set(id, setup);
      return sendJson(res, 200, setup);
    }
    if (req.method === 'POST' && path === '/v1/customer_sessions') {
      if (!customers.has(params.customer ?? '')) {
        return sendJson(res, 400, { error: { type: 'invalid_request_error', message: 'No such customer' } });
      }
      const session = {
        object: 'customer_session',
        client_secret: `cuss_secret_${Math.random().toString(36).slice(2, 12)}`,
        customer: params.customer,
        expires_at: Math.floor(Date.now() / 1000) + 1800,
        livemode: false,
        components: {
          payment_element: { enabled: params['components[payment_element][enabled]'] === 'true' },
        },
      };
      sessions.push({ customer: session.customer!, params });
      return sendJson(res, 200, session);
    }
    const route =
      req.method === 'POST' && ['/v1/payment_intents', '/v1/refunds', '/v1/customers'].includes(path)
        ? path
        : null;
    if (!route)
      return sendJson(res, 404, { error: { type: 'invalid_request_error', message: `No route ${path}` } });
    if (!key) {
      state.missingKeys += 1;
      return sendJson(res, 400, {
        error: { type: 'invalid_request_error', message: 'This test server requires an Idempotency-Key' },
      });
    }
    const stored = byKey.get(key);
    if (stored) {
      if (stored.params !== raw) {
        return sendJson(res, 400, {
          error: {
            type: 'idempotency_error',
            message: 'Keys for idempotent requests can only be used with the same parameters',
          },
        });
      }
      return answer(res, stored.status, stored.body, true);
    }
    const [status, body] =
      route === '/v1/payment_intents'
        ? createIntent(params)
        : route === '/v1/customers'
          ? createCustomer(params)
          : createRefund(params);
    byKey.set(key, { params: raw, status, body });
    answer(res, status, body);
  });

  /**
   * What Stripe sends our webhook endpoint when an intent of this server changed (`payment_intent.succeeded`
   * and the like): the event and its Stripe-Signature header, signed with the endpoint's secret.
   */
  const intentWebhook = (intentId: string, type: string, secret: string) => {
    const intent = intents.get(intentId);
    if (!intent) throw new Error(`no intent ${intentId}`);
    const body = JSON.stringify({
      id: `evt_${Math.random().toString(36).slice(2, 12)}`,
      object: 'event',
      type,
      data: { object: intent },
    });
    return { body, signature: signer.webhooks.generateTestHeaderString({ payload: body, secret }) };
  };

  return {
    ...local,
    intents,
    refunds,
    customers,
    sessions,
    setupIntents,
    requests,
    state,
    dashboardRefund,
    intentWebhook,
  };
}

export type FakeStripe = Awaited<ReturnType<typeof fakeStripe>>;

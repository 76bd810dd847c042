import type { PaymentProvider, ProviderOutcome } from './types';
import { PermanentProviderError } from './types';

export interface AirtelConfig {
  /** e.g. https://openapiuat.airtel.africa (staging) or https://openapi.airtel.africa. */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** X-Country / X-Currency: RW and RWF for Airtel Money Rwanda. */
  country?: string | undefined;
  currency?: string | undefined;
  /**
   * The disbursement PIN as Airtel's Open API wants it: already RSA-encrypted with the public key from the
   * developer portal (their docs), so the plain PIN never sits in our environment. Without it, refunds fail.
   */
  encryptedPin?: string | undefined;
  timeoutMs?: number | undefined;
}

/** A failed HTTP exchange the outbox should retry (5xx, 401 with a dropped token, 429). */
export class AirtelHttpError extends Error {}

interface AirtelTxn {
  data?: { transaction?: { id?: string; status?: string; message?: string; airtel_money_id?: string } };
  status?: { code?: string; message?: string; success?: boolean; result_code?: string };
}

/** Airtel wants the subscriber's number without the country code: +250722000111 → 722000111. */
const localMsisdn = (phone: string) => phone.replace(/^\+?250/, '');

/**
 * Airtel Africa's Open API: a bearer token from `POST /auth/oauth2/token` (client credentials), every call
 * carrying X-Country and X-Currency. Cached until a minute before it expires; a 401 drops it.
 */
class AirtelClient {
  private cached: { token: string; expiresAt: number } | undefined;
  constructor(readonly config: AirtelConfig) {}
  get country() {
    return this.config.country ?? 'RW';
  }
  get currency() {
    return this.config.currency ?? 'RWF';
  }

  private async token(): Promise<string> {
    if (this.cached && this.cached.expiresAt > Date.now()) return this.cached.token;
    const res = await this.fetch('/auth/oauth2/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: '*/*' },
      body: JSON.stringify({
        client_id: this.config.clientId,
        client_secret: this.config.clientSecret,
        grant_type: 'client_credentials',
      }),
    });
    if (res.status === 400 || res.status === 401) {
      throw new PermanentProviderError(`Airtel refused the client id and secret (${res.status})`);
    }
    if (!res.ok) throw new AirtelHttpError(`Airtel token request failed: HTTP ${res.status}`);
    const body = (await res.json()) as { access_token?: string; expires_in?: number | string };
    if (!body.access_token) throw new AirtelHttpError('Airtel token response has no access_token');
    const ttl = Math.max(0, Number(body.expires_in ?? 180) - 60) * 1000;
    this.cached = { token: body.access_token, expiresAt: Date.now() + ttl };
    return body.access_token;
  }

  async call(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<{ res: Response; json: AirtelTxn }> {
    const res = await this.fetch(path, {
      method,
      headers: {
        authorization: `Bearer ${await this.token()}`,
        'x-country': this.country,
        'x-currency': this.currency,
        accept: '*/*',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    if (res.status === 401) this.cached = undefined;
    const json = (await res.json().catch(() => ({}))) as AirtelTxn;
    return { res, json };
  }

  private fetch(path: string, init: RequestInit): Promise<Response> {
    const url = `${this.config.baseUrl.replace(/\/$/, '')}${path}`;
    return fetch(url, { ...init, signal: AbortSignal.timeout(this.config.timeoutMs ?? 30_000) });
  }
}

/** Retry 5xx/401/429; any other refusal will not change by asking again. */
function refused(res: Response, json: AirtelTxn, what: string): never {
  const message = `${what}: HTTP ${res.status} ${json.status?.message ?? ''}`.trim();
  if (res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 429) {
    throw new PermanentProviderError(message);
  }
  throw new AirtelHttpError(message);
}

/**
 * A transaction enquiry, read as an outcome. Airtel's states: TS success, TF failed, TIP in progress,
 * TA ambiguous (Airtel itself does not know yet) — the last two are asked again. `undefined`: Airtel has no
 * such transaction (404), so it was never created.
 */
async function enquire(
  client: AirtelClient,
  path: string,
  id: string,
  kind: string,
): Promise<ProviderOutcome | undefined> {
  const { res, json } = await client.call('GET', path);
  if (res.status === 404) return undefined;
  if (!res.ok) refused(res, json, `Airtel ${kind} enquiry`);
  const txn = json.data?.transaction ?? {};
  const details = {
    provider: 'airtel_money',
    transactionId: id,
    status: txn.status ?? null,
    airtelMoneyId: txn.airtel_money_id ?? null,
  };
  if (txn.status === 'TS') return { status: 'succeeded', providerRef: id, details };
  if (txn.status === 'TF') {
    return {
      status: 'failed',
      providerRef: id,
      failureReason: txn.message || 'The Airtel Money payment was not approved',
      details,
    };
  }
  return { status: 'pending', providerRef: id, poll: true, details };
}

/**
 * Airtel Money Rwanda: Collections (`POST /merchant/v1/payments/`, the rider approves a USSD prompt) and
 * Disbursements for refunds (`POST /standard/v1/disbursements/`). Our idempotency key is Airtel's
 * transaction id; Airtel has no idempotent create, so every attempt enquires first and creates only a
 * transaction Airtel does not know — a retry after a lost answer never collects or pays out twice.
 */
export function airtelProvider(config: AirtelConfig): PaymentProvider {
  const client = new AirtelClient(config);
  return {
    name: 'airtel_money',
    sandbox: false,
    async charge(r) {
      if (!r.payerPhone) {
        return {
          status: 'failed',
          providerRef: null,
          failureReason: 'No number to collect from',
          details: {},
        };
      }
      const path = `/standard/v1/payments/${r.idempotencyKey}`;
      const known = await enquire(client, path, r.idempotencyKey, 'payment');
      if (known) return known;
      const { res, json } = await client.call('POST', '/merchant/v1/payments/', {
        reference: `KigaliGo trip ${r.tripId}`.slice(0, 64),
        subscriber: { country: client.country, currency: client.currency, msisdn: localMsisdn(r.payerPhone) },
        transaction: {
          amount: r.amount,
          country: client.country,
          currency: client.currency,
          id: r.idempotencyKey,
        },
      });
      if (!res.ok) refused(res, json, 'Airtel payment');
      return (
        (await enquire(client, path, r.idempotencyKey, 'payment')) ?? {
          status: 'pending',
          providerRef: r.idempotencyKey,
          poll: true,
          details: { provider: 'airtel_money', transactionId: r.idempotencyKey },
        }
      );
    },
    enquire: (r) => enquire(client, `/standard/v1/payments/${r.idempotencyKey}`, r.idempotencyKey, 'payment'),
    async refund(r) {
      if (!r.payerPhone) {
        return {
          status: 'failed',
          providerRef: null,
          failureReason: 'No number to pay back to',
          details: {},
        };
      }
      if (!config.encryptedPin) {
        throw new PermanentProviderError('Airtel refunds need AIRTEL_DISBURSEMENT_PIN (the encrypted PIN)');
      }
      const path = `/standard/v1/disbursements/${r.idempotencyKey}`;
      const known = await enquire(client, path, r.idempotencyKey, 'disbursement');
      if (known) return known;
      const { res, json } = await client.call('POST', '/standard/v1/disbursements/', {
        payee: { msisdn: localMsisdn(r.payerPhone) },
        reference: `KigaliGo refund ${r.paymentId}`.slice(0, 64),
        pin: config.encryptedPin,
        transaction: { amount: r.amount, id: r.idempotencyKey },
      });
      if (!res.ok) refused(res, json, 'Airtel disbursement');
      return (
        (await enquire(client, path, r.idempotencyKey, 'disbursement')) ?? {
          status: 'pending',
          providerRef: r.idempotencyKey,
          poll: true,
          details: { provider: 'airtel_money', transactionId: r.idempotencyKey },
        }
      );
    },
  };
}

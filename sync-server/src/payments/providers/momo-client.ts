import { PermanentProviderError } from './types';

export interface MomoConfig {
  /** e.g. https://sandbox.momodeveloper.mtn.com or the production host MTN Rwanda gives you. */
  baseUrl: string;
  /** Ocp-Apim-Subscription-Key of the Collection product. */
  subscriptionKey: string;
  /** Refunds go through the Disbursement product, which has its own key (default: the collection key). */
  disbursementSubscriptionKey?: string | undefined;
  apiUser: string;
  apiKey: string;
  /** X-Target-Environment: `sandbox`, or `mtnrwanda` in production. */
  targetEnvironment: string;
  /** RWF in production; MTN's sandbox only accepts EUR. */
  currency?: string | undefined;
  timeoutMs?: number | undefined;
  /**
   * X-Callback-Url of request-to-pay: where MoMo says a collection became final (PUBLIC_URL +
   * /api/webhooks/momo). Only a hint to ask now: the status is always read from MoMo itself.
   */
  callbackUrl?: string | undefined;
}

type Product = 'collection' | 'disbursement';

/** A failed HTTP exchange; 4xx other than 409/429 will not get better by asking again. */
export class MomoHttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The MoMo Open API's HTTP conventions: a bearer token per product from `POST /<product>/token/` (Basic auth
 * with the API user and key, plus the subscription key), cached until shortly before it expires.
 */
export class MomoClient {
  private readonly tokens = new Map<Product, { token: string; expiresAt: number }>();

  constructor(private readonly config: MomoConfig) {}

  get currency(): string {
    return this.config.currency ?? 'RWF';
  }

  private key(product: Product): string {
    return product === 'disbursement'
      ? (this.config.disbursementSubscriptionKey ?? this.config.subscriptionKey)
      : this.config.subscriptionKey;
  }

  private async token(product: Product): Promise<string> {
    const cached = this.tokens.get(product);
    if (cached && cached.expiresAt > Date.now()) return cached.token;
    const basic = Buffer.from(`${this.config.apiUser}:${this.config.apiKey}`).toString('base64');
    const res = await this.fetch(`/${product}/token/`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'ocp-apim-subscription-key': this.key(product) },
    });
    if (res.status === 401) throw new PermanentProviderError('MoMo refused the API user and key (401)');
    if (!res.ok) throw new MomoHttpError(res.status, `MoMo token request failed: HTTP ${res.status}`);
    const body = (await res.json()) as { access_token?: string; expires_in?: number };
    if (!body.access_token) throw new MomoHttpError(res.status, 'MoMo token response has no access_token');
    // A minute early, so a token never expires between our check and MoMo's.
    const ttl = Math.max(0, (body.expires_in ?? 3600) - 60) * 1000;
    this.tokens.set(product, { token: body.access_token, expiresAt: Date.now() + ttl });
    return body.access_token;
  }

  /** An authorised call; `referenceId` is the X-Reference-Id (our idempotency key) on creating calls. */
  async call(
    product: Product,
    method: 'GET' | 'POST',
    path: string,
    opts: { referenceId?: string; body?: unknown; callbackUrl?: string | undefined } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.token(product)}`,
      'x-target-environment': this.config.targetEnvironment,
      'ocp-apim-subscription-key': this.key(product),
      ...(opts.referenceId ? { 'x-reference-id': opts.referenceId } : {}),
      ...(opts.callbackUrl ? { 'x-callback-url': opts.callbackUrl } : {}),
      ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
    };
    const res = await this.fetch(`/${product}${path}`, {
      method,
      headers,
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
    });
    // An expired or revoked token: drop it so the retry (by the outbox) fetches a new one.
    if (res.status === 401) this.tokens.delete(product);
    return res;
  }

  private fetch(path: string, init: RequestInit): Promise<Response> {
    const url = `${this.config.baseUrl.replace(/\/$/, '')}${path}`;
    return fetch(url, { ...init, signal: AbortSignal.timeout(this.config.timeoutMs ?? 30_000) });
  }
}

/** Fails the call in the way the outbox understands: permanent for a refused request, else retried. */
export async function expectAccepted(res: Response, what: string): Promise<void> {
  // 409: this X-Reference-Id was already used — our earlier attempt got through, so this one is a repeat.
  if (res.status === 202 || res.status === 200 || res.status === 409) return;
  const text = (await res.text().catch(() => '')).slice(0, 200);
  const message = `${what}: HTTP ${res.status}${text ? ` ${text}` : ''}`;
  if (res.status >= 400 && res.status < 500 && res.status !== 401 && res.status !== 429) {
    throw new PermanentProviderError(message);
  }
  throw new MomoHttpError(res.status, message);
}

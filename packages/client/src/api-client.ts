import { authResponse } from '@kigaligo/domain';
import type { z } from 'zod';
import { ApiRequestError, NetworkError, SignedOutError } from './api-error';
import { type ApiRequest, apiRequest } from './api-routes';
import type { Connectivity } from './connectivity';
import { type SessionStore, sessionFromAuth } from './session-store';

export interface RequestOptions<T> {
  /** Send the access token (default true). */
  auth?: boolean;
  /** Validate the response body; without it the body is returned as parsed JSON. */
  schema?: z.ZodType<T>;
  /** Extra request headers, e.g. `Idempotency-Key` so a retried payment is the same payment. */
  headers?: Record<string, string>;
}

export interface ApiClient {
  /** Sends a request built by `apiRequest`/`apiGet` (typed from the API's description). */
  request<T = unknown>(request: ApiRequest, options?: RequestOptions<T>): Promise<T>;
  /**
   * For callers outside `request` that were refused the access token (`authorizedFetch`): returns a
   * fresh token, sharing the refresh with any in flight. Rejects with SignedOutError when the session is over.
   */
  refreshAccessToken(staleToken: string): Promise<string>;
}

export interface ApiClientOptions {
  baseUrl?: string;
  store: SessionStore;
  connectivity?: Connectivity;
  fetch?: typeof fetch;
  /** Name of the cross-tab lock that serialises refreshes (Web Locks API, when available). */
  lockName?: string;
  now?: () => number;
  /** Sent with every request, e.g. which app is asking (shown in the user's list of sessions). */
  defaultHeaders?: Record<string, string>;
}

/** Refresh a little early so a request does not leave with a token that expires in flight. */
const EXPIRY_SLACK_MS = 10_000;

export function createApiClient(opts: ApiClientOptions): ApiClient {
  const { baseUrl = '', store, connectivity, lockName = 'kigaligo-refresh', now = Date.now } = opts;
  const doFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init));
  let inFlight: Promise<string> | null = null;

  async function send(
    path: string,
    method: string,
    body: unknown,
    token?: string,
    extra?: Record<string, string>,
  ): Promise<Response> {
    const headers: Record<string, string> = { ...opts.defaultHeaders, ...extra, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    try {
      const res = await doFetch(baseUrl + path, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
      });
      connectivity?.reportSuccess();
      return res;
    } catch (err) {
      connectivity?.reportFailure();
      throw new NetworkError(err);
    }
  }

  /**
   * Exchanges the refresh token for a new pair. Refresh tokens rotate, so two refreshes racing with the same
   * token would make the server revoke the family: one refresh at a time per tab (inFlight) and across tabs
   * (Web Locks), and a tab that waited re-reads storage first because another tab may already have rotated.
   */
  function refresh(staleToken: string): Promise<string> {
    inFlight ??= withLock(async () => {
      const current = store.get();
      if (!current) throw new SignedOutError();
      if (current.accessToken !== staleToken && current.expiresAt - EXPIRY_SLACK_MS > now()) {
        return current.accessToken;
      }
      const { path, method, body } = apiRequest('post', '/api/auth/refresh', {
        body: { refreshToken: current.refreshToken },
      });
      const res = await send(path, method, body);
      if (!res.ok) {
        const err = await ApiRequestError.fromResponse(res);
        // 400/401/403: the token is unknown, reused, expired or the account suspended — sign out.
        // Anything else (429, 5xx) is transient: keep the session and let the caller retry later.
        if (res.status === 400 || res.status === 401 || res.status === 403) {
          store.set(null);
          throw new SignedOutError();
        }
        throw err;
      }
      const next = sessionFromAuth(authResponse.parse(await res.json()), now());
      store.set(next);
      return next.accessToken;
    }).finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  function withLock<T>(fn: () => Promise<T>): Promise<T> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    return locks ? (locks.request(lockName, fn) as Promise<T>) : fn();
  }

  async function parse<T>(res: Response, schema?: z.ZodType<T>): Promise<T> {
    if (!res.ok) throw await ApiRequestError.fromResponse(res);
    if (res.status === 204) return undefined as T;
    const body: unknown = await res.json();
    return schema ? schema.parse(body) : (body as T);
  }

  return {
    refreshAccessToken: refresh,
    async request<T>({ path, method, body }: ApiRequest, options: RequestOptions<T> = {}): Promise<T> {
      const { auth = true, schema, headers } = options;
      if (!auth) return parse(await send(path, method, body, undefined, headers), schema);

      const session = store.get();
      if (!session) throw new SignedOutError();
      let token = session.accessToken;
      if (session.expiresAt - EXPIRY_SLACK_MS <= now()) token = await refresh(token);
      let res = await send(path, method, body, token, headers);
      if (res.status === 401) {
        // The server may have expired the token before our clock did: refresh once and retry once.
        token = await refresh(token);
        res = await send(path, method, body, token, headers);
        if (res.status === 401) store.set(null);
      }
      return parse(res, schema);
    },
  };
}

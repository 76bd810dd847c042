import { ApiRequestError, NetworkError, SignedOutError } from './api-error';
import type { KigaliClient } from './kigali-client';

/** What a raw request needs from the client: the session's token, its refresh, and connectivity. */
export type FetchDeps = Pick<KigaliClient, 'baseUrl' | 'session' | 'api' | 'connectivity'>;

export interface AuthorizedFetchOptions {
  fetch?: typeof fetch;
  now?: () => number;
}

/** Same slack as the API client: do not leave with a token that expires in flight. */
const EXPIRY_SLACK_MS = 10_000;

/**
 * `fetch` with the access token, for what `api.request` cannot carry: raw bodies (evidence bytes), binary
 * answers (evidence downloads) and extra headers (idempotency keys). Token handling matches the API client:
 * refresh when about to expire, refresh once and retry once on a 401. Network failures become NetworkError
 * and tell connectivity; the Response is returned as is (use `ensureOk`).
 */
export async function authorizedFetch(
  deps: FetchDeps,
  path: string,
  init: RequestInit = {},
  opts: AuthorizedFetchOptions = {},
): Promise<Response> {
  const doFetch = opts.fetch ?? ((input: RequestInfo | URL, i?: RequestInit) => globalThis.fetch(input, i));
  const now = opts.now ?? Date.now;
  const session = deps.session.get();
  if (!session) throw new SignedOutError();
  let token = session.accessToken;
  if (session.expiresAt - EXPIRY_SLACK_MS <= now()) token = await deps.api.refreshAccessToken(token);

  const send = async (bearer: string) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${bearer}`);
    try {
      const res = await doFetch(deps.baseUrl + path, { ...init, headers });
      deps.connectivity.reportSuccess();
      return res;
    } catch (err) {
      deps.connectivity.reportFailure();
      throw new NetworkError(err);
    }
  };

  let res = await send(token);
  if (res.status === 401) {
    token = await deps.api.refreshAccessToken(token);
    res = await send(token);
    if (res.status === 401) deps.session.set(null);
  }
  return res;
}

/** Throws the server's `{error}` as ApiRequestError for any non-2xx answer. */
export async function ensureOk(res: Response): Promise<Response> {
  if (!res.ok) throw await ApiRequestError.fromResponse(res);
  return res;
}

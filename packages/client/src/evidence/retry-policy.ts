import { ApiRequestError, NetworkError, SignedOutError } from '../api-error';
import { backoffDelay } from '../sync/sync-connection';

/**
 * What to do after a failed request that is waiting on the device (an evidence upload, a queued admin
 * decision):
 *  - `offline`: it never reached the server — wait for the network (or retry on the backoff timer);
 *  - `retry`: the server failed or asked us to come back later (5xx, 408, 429, or any answer with
 *    `Retry-After`, such as 409 `request_in_progress` while the first try of an idempotent request is still
 *    running) — retry with backoff;
 *  - `refused`: the server answered no (other 4xx) — retrying the same request cannot help, so keep it
 *    with the reason for the person to see;
 *  - `signed-out`: stop until someone signs in again.
 */
export type FailureAction = 'offline' | 'retry' | 'refused' | 'signed-out';

export function classifyFailure(err: unknown): FailureAction {
  if (err instanceof SignedOutError) return 'signed-out';
  if (err instanceof NetworkError) return 'offline';
  if (err instanceof ApiRequestError) {
    // A 401 that survived the token refresh: the session is over.
    if (err.status === 401) return 'signed-out';
    if (err.status === 408 || err.status === 429 || err.status >= 500) return 'retry';
    // Not a refusal: the same request is still being handled (a proxy may have dropped the Retry-After).
    if (err.retryAfterMs !== undefined || err.code === 'request_in_progress') return 'retry';
    if (err.status >= 400) return 'refused';
  }
  // Anything else (IndexedDB hiccup, a bug in a response parser) is treated as transient.
  return 'retry';
}

/**
 * Delay before attempt `failures + 1`: jittered exponential backoff from ~0.8 s, capped (default 60 s), and
 * never sooner than the server's `Retry-After` for the failure `err` (itself capped).
 */
export function retryDelay(failures: number, capMs = 60_000, random = Math.random, err?: unknown): number {
  const backoff = backoffDelay(failures + 2, capMs, random);
  const asked = err instanceof ApiRequestError ? err.retryAfterMs : undefined;
  return asked === undefined ? backoff : Math.max(backoff, Math.min(asked, capMs));
}

/** The first try of this idempotent request is still running on the server (409 `request_in_progress`). */
export const isInProgress = (err: unknown): err is ApiRequestError =>
  err instanceof ApiRequestError && err.code === 'request_in_progress';

/**
 * Sends a request that carries an Idempotency-Key from a form a person is waiting on (a refund, a payment), and
 * sends it again, after the server's `Retry-After`, while the server says the first try is still being handled:
 * that answer means "ask again", never "refused", and the same key then gets the first try's answer. Any other
 * failure is the caller's to show; after `attempts` tries still in progress, the last answer is thrown.
 */
export async function sendUntilAnswered<T>(
  send: () => Promise<T>,
  opts: { attempts?: number; wait?: (ms: number) => Promise<void>; random?: () => number } = {},
): Promise<T> {
  const { attempts = 5, random = Math.random } = opts;
  const wait = opts.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let failures = 0; ; failures++) {
    try {
      return await send();
    } catch (err) {
      if (!isInProgress(err) || failures + 1 >= attempts) throw err;
      await wait(retryDelay(failures, 10_000, random, err));
    }
  }
}

import { type ReconcileRejectCode, toStorableText } from '@kigaligo/domain';
import { isDatabaseUnavailable } from '../http/db-unavailable';

/** How reconciling retries what fails (SS12). Tests shorten the delays; the shape stays the same. */
export interface RetryPolicy {
  /** Delay before the first retry; each later one doubles it. */
  baseDelayMs: number;
  /** No wait is ever longer than this, however many attempts came before (transient failures retry forever). */
  maxDelayMs: number;
  /** A permanent failure is rejected on this attempt (schema refusals: on the first). */
  maxAttempts: number;
}

export const defaultRetryPolicy: RetryPolicy = { baseDelayMs: 2_000, maxDelayMs: 5 * 60_000, maxAttempts: 5 };

/** The wait after the `attempt`-th failure (1-based): base × 2^(attempt−1), capped at maxDelayMs. */
export function retryDelay(policy: RetryPolicy, attempt: number): number {
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
}

export type FailureKind =
  /** Not now (the database is unreachable, a deadlock, a serialization failure): retried, never rejected. */
  { transient: true } | { transient: false; code: Exclude<ReconcileRejectCode, 'invalid'>; message: string };

// Deadlock and serialization failures: the same work succeeds when run again.
const retryableSqlStates = new Set(['40001', '40P01']);

function sqlState(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code } = current as { code?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The driver's message, not drizzle's wrapper (which quotes the whole statement and its parameters). */
function rootMessage(err: unknown): string {
  let current: unknown = err;
  for (let depth = 0; depth < 10 && current && typeof current === 'object'; depth++) {
    const cause = (current as { cause?: unknown }).cause;
    if (!cause || typeof cause !== 'object') break;
    current = cause;
  }
  const message = current instanceof Error ? current.message : String(current);
  // Admins read it in a table: one line, bounded, and storable (it may quote what could not be stored).
  return toStorableText(message).replace(/\s+/g, ' ').slice(0, 300);
}

/**
 * Sorts a failure: transient ones are retried with backoff for as long as they last; anything else is
 * permanent and rejected after `maxAttempts`. SQLSTATE classes 22 (data exception: a value the database
 * cannot take, such as U+0000) and 23 (integrity constraint) are `refused`; everything else is a bug.
 */
export function classifyFailure(err: unknown): FailureKind {
  if (isDatabaseUnavailable(err)) return { transient: true };
  const state = sqlState(err);
  if (state && retryableSqlStates.has(state)) return { transient: true };
  const code = state?.startsWith('22') || state?.startsWith('23') ? 'refused' : 'server_error';
  return { transient: false, code, message: rootMessage(err) };
}

/** After the `attempts`-th permanent failure: reject now, or try again at `retryAt`. */
export function afterFailure(
  policy: RetryPolicy,
  attempts: number,
  now: Date,
): { reject: true } | { reject: false; retryAt: Date } {
  if (attempts >= policy.maxAttempts) return { reject: true };
  return { reject: false, retryAt: new Date(now.getTime() + retryDelay(policy, attempts)) };
}

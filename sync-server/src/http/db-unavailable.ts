/** Seconds a client is told to wait (Retry-After) when the database cannot be reached. */
export const DB_RETRY_AFTER_SECONDS = 5;

// Socket-level failures (Node), postgres.js connection states, and Postgres SQLSTATEs that mean "not now"
// rather than "this request is wrong": class 08 (connection exception), shutdown (57P01–57P03), too many
// connections (53300).
const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/**
 * True when an error (or anything in its `cause` chain, as drizzle wraps driver errors) says the database is
 * unreachable, so the answer is 503 + Retry-After instead of 500: the request may well succeed later.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = err;
  while (current && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const { code, message, errors } = current as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof code === 'string' && (unavailableCodes.has(code) || code.startsWith('08'))) return true;
    // PGlite (embedded) after close: its only way to be "unreachable".
    if (typeof message === 'string' && message.includes('PGlite is closed')) return true;
    // A connection attempt over several addresses fails with an AggregateError of socket errors.
    if (Array.isArray(errors) && errors.some(isDatabaseUnavailable)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

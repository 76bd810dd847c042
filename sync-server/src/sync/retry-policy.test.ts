import { describe, expect, it } from 'vitest';
import { afterFailure, classifyFailure, type RetryPolicy, retryDelay } from './retry-policy';

const policy: RetryPolicy = { baseDelayMs: 1000, maxDelayMs: 60_000, maxAttempts: 4 };
const now = new Date('2026-12-02T08:00:00.000Z');

/** An error shaped like drizzle's: a wrapper quoting the statement, the driver's error as its cause. */
function drizzleError(code: string, message: string): Error {
  const driver = Object.assign(new Error(message), { code });
  return new Error(`Failed query: insert into "trips" ... params: secret`, { cause: driver });
}

describe('reconcile retry policy (SS12)', () => {
  it('doubles the delay after each failure and never waits longer than the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(policy, n))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 32_000, 60_000,
    ]);
    expect(retryDelay(policy, 10_000)).toBe(60_000);
  });

  it('retries a permanent failure until the last attempt, then rejects', () => {
    expect(afterFailure(policy, 1, now)).toEqual({ reject: false, retryAt: new Date(now.getTime() + 1000) });
    expect(afterFailure(policy, 3, now)).toEqual({ reject: false, retryAt: new Date(now.getTime() + 4000) });
    expect(afterFailure(policy, 4, now)).toEqual({ reject: true });
    expect(afterFailure({ ...policy, maxAttempts: 1 }, 1, now)).toEqual({ reject: true });
  });

  it('treats an unreachable database, deadlocks and serialization failures as transient', () => {
    expect(classifyFailure(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))).toEqual({
      transient: true,
    });
    expect(classifyFailure(drizzleError('40P01', 'deadlock detected'))).toEqual({ transient: true });
    expect(classifyFailure(drizzleError('40001', 'could not serialize access'))).toEqual({ transient: true });
  });

  it('calls a value or a constraint the database refuses `refused`, with the driver message only', () => {
    expect(classifyFailure(drizzleError('22021', 'invalid byte sequence for encoding "UTF8": 0x00'))).toEqual(
      {
        transient: false,
        code: 'refused',
        message: 'invalid byte sequence for encoding "UTF8": 0x00',
      },
    );
    const unique = classifyFailure(drizzleError('23505', 'duplicate key value violates unique constraint'));
    expect(unique).toMatchObject({ transient: false, code: 'refused' });
  });

  it('calls anything else a server error, with a storable one-line message', () => {
    const kind = classifyFailure(
      new TypeError('Cannot read properties of undefined\n(reading "x\u0000\ud800")'),
    );
    expect(kind).toEqual({
      transient: false,
      code: 'server_error',
      message: 'Cannot read properties of undefined (reading "x\uFFFD\uFFFD")',
    });
  });
});

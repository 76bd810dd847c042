import { afterEach, describe, expect, it, vi } from 'vitest';
import { memoryRateLimiter } from './rate-limit';

describe('memoryRateLimiter', () => {
  afterEach(() => vi.useRealTimers());

  it('allows `limit` hits per window, then says how long to wait, then opens again', async () => {
    vi.useFakeTimers({ now: 0 });
    const limiter = memoryRateLimiter({ limit: 2, windowSeconds: 60 });
    expect(await limiter.hit('a')).toBe(0);
    expect(await limiter.hit('a')).toBe(0);
    vi.setSystemTime(15_000);
    expect(await limiter.hit('a')).toBe(45);
    expect(await limiter.hit('b')).toBe(0);
    vi.setSystemTime(60_000);
    expect(await limiter.hit('a')).toBe(0);
  });

  it('forgets a key on reset', async () => {
    const limiter = memoryRateLimiter({ limit: 1, windowSeconds: 60 });
    await limiter.hit('k');
    expect(await limiter.hit('k')).toBeGreaterThan(0);
    await limiter.reset('k');
    expect(await limiter.hit('k')).toBe(0);
  });
});

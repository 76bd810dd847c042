import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TokenBucket } from './token-bucket';

describe('token bucket', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-05T08:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('allows a burst, then the rate; it is full again only once it has refilled', () => {
    const bucket = new TokenBucket(10, 3);
    expect(bucket.isFull()).toBe(true);
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false]);
    expect(bucket.isFull()).toBe(false);
    vi.advanceTimersByTime(100);
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    vi.advanceTimersByTime(200);
    expect(bucket.isFull()).toBe(false);
    vi.advanceTimersByTime(100);
    expect(bucket.isFull()).toBe(true);
  });
});

/**
 * Fixed-window counters for login attempts. Kept behind this interface so a Redis-backed limiter can
 * replace it when several server processes share the load.
 */
export interface RateLimiter {
  /** Records one hit for key; returns seconds to wait when the key is over its limit, else 0. */
  hit(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

export function memoryRateLimiter(opts: { limit: number; windowSeconds: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    async hit(key) {
      const now = Date.now();
      const windowMs = opts.windowSeconds * 1000;
      let w = windows.get(key);
      if (!w || now - w.start >= windowMs) {
        w = { start: now, count: 0 };
        windows.set(key, w);
        // Drop expired windows now and then so the map cannot grow without bound.
        if (windows.size > 10_000) {
          for (const [k, v] of windows) if (now - v.start >= windowMs) windows.delete(k);
        }
      }
      w.count += 1;
      return w.count > opts.limit ? Math.ceil((w.start + windowMs - now) / 1000) : 0;
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}

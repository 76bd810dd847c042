import { Redis } from 'ioredis';

/**
 * Counters and blocks with an expiry: what the sign-in limits need, in memory for one process or in Redis so
 * several processes behind a load balancer share them (an attacker cannot spread attempts across nodes).
 */
export interface LimitStore {
  /** Adds one to `key`, whose window opens at the first hit and lasts `windowSeconds`; the count and seconds left. */
  hit(key: string, windowSeconds: number): Promise<{ count: number; secondsLeft: number }>;
  /** Blocks `key` for `seconds` (a later, longer block replaces it). */
  block(key: string, seconds: number): Promise<void>;
  /** Seconds `key` stays blocked; 0 when it is not. */
  blockedFor(key: string): Promise<number>;
  forget(...keys: string[]): Promise<void>;
  close(): Promise<void>;
}

export function memoryLimitStore(): LimitStore {
  const entries = new Map<string, { count: number; expiresAt: number }>();
  const live = (key: string, now: number) => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt > now) return entry;
    entries.delete(key);
    return undefined;
  };
  const sweep = (now: number) => {
    // Drop expired entries now and then so the map cannot grow without bound.
    if (entries.size < 10_000) return;
    for (const [key, entry] of entries) if (entry.expiresAt <= now) entries.delete(key);
  };
  const secondsUntil = (at: number, now: number) => Math.max(1, Math.ceil((at - now) / 1000));
  return {
    async hit(key, windowSeconds) {
      const now = Date.now();
      let entry = live(key, now);
      if (!entry) {
        sweep(now);
        entry = { count: 0, expiresAt: now + windowSeconds * 1000 };
        entries.set(key, entry);
      }
      entry.count += 1;
      return { count: entry.count, secondsLeft: secondsUntil(entry.expiresAt, now) };
    },
    async block(key, seconds) {
      const now = Date.now();
      sweep(now);
      entries.set(key, { count: 1, expiresAt: now + seconds * 1000 });
    },
    async blockedFor(key) {
      const now = Date.now();
      const entry = live(key, now);
      return entry ? secondsUntil(entry.expiresAt, now) : 0;
    },
    async forget(...keys) {
      for (const key of keys) entries.delete(key);
    },
    async close() {
      entries.clear();
    },
  };
}

export async function redisLimitStore(url: string, prefix = 'kigaligo:limits:'): Promise<LimitStore> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  await redis.connect();
  const k = (key: string) => prefix + key;
  return {
    async hit(key, windowSeconds) {
      // One round trip: count, start the window only on the first hit (NX), read what is left of it.
      const results = await redis.multi().incr(k(key)).expire(k(key), windowSeconds, 'NX').ttl(k(key)).exec();
      const count = Number(results?.[0]?.[1] ?? 0);
      const ttl = Number(results?.[2]?.[1] ?? windowSeconds);
      return { count, secondsLeft: Math.max(1, ttl) };
    },
    async block(key, seconds) {
      await redis.set(k(key), '1', 'EX', Math.max(1, Math.ceil(seconds)));
    },
    async blockedFor(key) {
      return Math.max(0, await redis.ttl(k(key)));
    },
    async forget(...keys) {
      if (keys.length) await redis.del(...keys.map(k));
    },
    async close() {
      await redis.quit();
    },
  };
}

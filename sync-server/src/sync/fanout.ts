import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/**
 * How server processes share document updates and decide who reconciles (SS9). In one process this is a
 * no-op with an in-memory lease; with REDIS_URL updates go through Redis pub/sub and leases are Redis keys.
 */
export interface Fanout {
  readonly instanceId: string;
  publish(docName: string, update: Uint8Array): Promise<void>;
  onUpdate(handler: (docName: string, update: Uint8Array) => void): void;
  /** True when this process now holds the lease (or already did); leases expire after ttlMs. */
  acquireLease(key: string, ttlMs: number): Promise<boolean>;
  releaseLease(key: string): Promise<void>;
  /** Resolves when the shared bus answers (Redis PING); in one process there is nothing to reach. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function localFanout(): Fanout {
  const leases = new Map<string, number>();
  return {
    instanceId: randomUUID(),
    async publish() {},
    onUpdate() {},
    async acquireLease(key, ttlMs) {
      const now = Date.now();
      if ((leases.get(key) ?? 0) > now) return false;
      leases.set(key, now + ttlMs);
      return true;
    },
    async releaseLease(key) {
      leases.delete(key);
    },
    async ping() {},
    async close() {},
  };
}

const CHANNEL_PREFIX = 'kigaligo:sync:';
const LEASE_PREFIX = 'kigaligo:lease:';

// Frame: 36-byte instance id, then the update. The instance id lets a process skip its own messages.
export async function redisFanout(url: string): Promise<Fanout> {
  const instanceId = randomUUID();
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = new Redis(url, { lazyConnect: true });
  await Promise.all([pub.connect(), sub.connect()]);
  const handlers: ((docName: string, update: Uint8Array) => void)[] = [];
  await sub.psubscribe(`${CHANNEL_PREFIX}*`);
  sub.on('pmessageBuffer', (_pattern: Buffer, channel: Buffer, message: Buffer) => {
    if (message.subarray(0, 36).toString() === instanceId) return;
    const docName = channel.toString().slice(CHANNEL_PREFIX.length);
    const update = new Uint8Array(message.subarray(36));
    for (const h of handlers) h(docName, update);
  });
  return {
    instanceId,
    async publish(docName, update) {
      await pub.publish(`${CHANNEL_PREFIX}${docName}`, Buffer.concat([Buffer.from(instanceId), update]));
    },
    onUpdate(handler) {
      handlers.push(handler);
    },
    async acquireLease(key, ttlMs) {
      const k = `${LEASE_PREFIX}${key}`;
      if ((await pub.set(k, instanceId, 'PX', ttlMs, 'NX')) === 'OK') return true;
      // Extend our own lease; never take someone else's.
      const extended = await pub.eval(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end",
        1,
        k,
        instanceId,
        ttlMs,
      );
      return extended === 1;
    },
    async releaseLease(key) {
      await pub.eval(
        "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end",
        1,
        `${LEASE_PREFIX}${key}`,
        instanceId,
      );
    },
    async ping() {
      // While ioredis reconnects, commands queue instead of failing: a readiness probe must not wait for that.
      if (pub.status !== 'ready') throw new Error(`redis ${pub.status}`);
      await pub.ping();
    },
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}

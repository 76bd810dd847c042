import { randomUUID } from 'node:crypto';
import type { LiveVehicle } from '@kigaligo/domain';
import { Redis } from 'ioredis';

/** Carries live positions to every server process (Redis pub/sub), or just this one without Redis. */
export interface LiveBus {
  publish(vehicle: LiveVehicle): Promise<void>;
  onVehicle(handler: (vehicle: LiveVehicle) => void): void;
  close(): Promise<void>;
}

export function localLiveBus(): LiveBus {
  const handlers: ((v: LiveVehicle) => void)[] = [];
  return {
    async publish(vehicle) {
      for (const h of handlers) h(vehicle);
    },
    onVehicle(handler) {
      handlers.push(handler);
    },
    async close() {},
  };
}

const CHANNEL = 'kigaligo:live';

export async function redisLiveBus(url: string): Promise<LiveBus> {
  const instance = randomUUID();
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = new Redis(url, { lazyConnect: true });
  await Promise.all([pub.connect(), sub.connect()]);
  await sub.subscribe(CHANNEL);
  const handlers: ((v: LiveVehicle) => void)[] = [];
  const deliver = (v: LiveVehicle) => {
    for (const h of handlers) h(v);
  };
  sub.on('message', (_channel: string, message: string) => {
    const { from, vehicle } = JSON.parse(message) as { from: string; vehicle: LiveVehicle };
    if (from !== instance) deliver(vehicle);
  });
  return {
    async publish(vehicle) {
      deliver(vehicle);
      await pub.publish(CHANNEL, JSON.stringify({ from: instance, vehicle }));
    },
    onVehicle(handler) {
      handlers.push(handler);
    },
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}

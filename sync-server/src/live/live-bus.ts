import { randomUUID } from 'node:crypto';
import type { TrackedVehicle } from '@kigaligo/domain';
import { Redis } from 'ioredis';

/**
 * Carries live positions to every server process (Redis pub/sub), or just this one without Redis, and the
 * news that shifts or trips changed, so every process re-reads who may see what (live/visibility.ts).
 */
export interface LiveBus {
  publish(vehicle: TrackedVehicle): Promise<void>;
  onVehicle(handler: (vehicle: TrackedVehicle) => void): void;
  publishRosterChange(): Promise<void>;
  onRosterChange(handler: () => void): void;
  close(): Promise<void>;
}

type Message = { vehicle: TrackedVehicle } | { roster: true };

function handlers() {
  const vehicle: ((v: TrackedVehicle) => void)[] = [];
  const roster: (() => void)[] = [];
  return {
    vehicle,
    roster,
    deliver(m: Message) {
      if ('vehicle' in m) for (const h of vehicle) h(m.vehicle);
      else for (const h of roster) h();
    },
  };
}

export function localLiveBus(): LiveBus {
  const h = handlers();
  return {
    async publish(vehicle) {
      h.deliver({ vehicle });
    },
    onVehicle: (handler) => void h.vehicle.push(handler),
    async publishRosterChange() {
      h.deliver({ roster: true });
    },
    onRosterChange: (handler) => void h.roster.push(handler),
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
  const h = handlers();
  sub.on('message', (_channel: string, text: string) => {
    const { from, ...message } = JSON.parse(text) as { from: string } & Message;
    if (from !== instance) h.deliver(message);
  });
  const send = async (message: Message) => {
    h.deliver(message);
    await pub.publish(CHANNEL, JSON.stringify({ from: instance, ...message }));
  };
  return {
    publish: (vehicle) => send({ vehicle }),
    onVehicle: (handler) => void h.vehicle.push(handler),
    publishRosterChange: () => send({ roster: true }),
    onRosterChange: (handler) => void h.roster.push(handler),
    async close() {
      await Promise.allSettled([sub.quit(), pub.quit()]);
    },
  };
}

import { gtfsClockTime, type Network } from '@kigaligo/planner';
import type { TrackedTrip } from '../live/visibility';

/** One scheduled trip of the network: a pattern and the index of the trip in it. */
export interface ScheduledTrip {
  pattern: number;
  trip: number;
}

/** Seconds after the service day's origin as GTFS writes them: HH:MM:SS, hours past 24 for trips after midnight. */
export const clockTime = gtfsClockTime;

const indexes = new WeakMap<Network, Map<string, ScheduledTrip>>();
const keyOf = (tripId: string, startSecs: number) => `${startSecs}@${tripId}`;

/**
 * The network's trip that a tracked trip names: by trip_id and first departure, which also tells apart the
 * departures of a frequency-based trip_id. Undefined when the active feed has no such trip (another feed was
 * imported since the bus took it).
 */
export function findScheduledTrip(network: Network, tracked: TrackedTrip): ScheduledTrip | undefined {
  let index = indexes.get(network);
  if (!index) {
    index = new Map();
    for (const [pattern, p] of network.patterns.entries()) {
      const n = p.stops.length;
      for (let trip = 0; trip < p.tripCount; trip++)
        index.set(keyOf(p.tripIds[trip]!, p.dep[trip * n]!), { pattern, trip });
    }
    indexes.set(network, index);
  }
  const m = /^(\d+):(\d\d):(\d\d)$/.exec(tracked.startTime);
  if (!m) return undefined;
  return index.get(keyOf(tracked.tripId, Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])));
}

/** How GTFS-Realtime describes a scheduled trip (TripDescriptor), SCHEDULED. */
export function tripDescriptor(network: Network, run: ScheduledTrip, startDate: string) {
  const p = network.patterns[run.pattern]!;
  return {
    tripId: p.tripIds[run.trip]!,
    routeId: network.timetable.routes[p.route]!.id,
    ...(p.direction === undefined ? {} : { directionId: p.direction }),
    startTime: clockTime(p.dep[run.trip * p.stops.length]!),
    startDate,
  };
}

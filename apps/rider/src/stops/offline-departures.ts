import { type Departure, type Network, nextScheduledDepartures, stopIndexOf } from '@kigaligo/planner';

/** What the stop screen lists: the stop, and its next departures (live from the server, or scheduled offline). */
export interface StopDepartures {
  stop: { id: string; name: string };
  departures: Departure[];
}

/**
 * The next departures at a stop from the offline network bundle alone: the schedule, every one `realtime:
 * false`. Null when the bundle has no such stop (a stop of another feed).
 */
export function offlineDepartures(
  network: Network,
  stopId: string,
  now: number,
  limit: number,
): StopDepartures | null {
  const index = stopIndexOf(network, stopId);
  if (index === undefined) return null;
  const s = network.timetable.stops[index]!;
  return {
    stop: { id: s.id, name: s.name },
    departures: nextScheduledDepartures(network, index, now, limit),
  };
}

/** Whole minutes from `now` until a departure, never negative ("in 0 min" is "now"). */
export function minutesUntil(iso: string, now: number): number {
  return Math.max(0, Math.floor((Date.parse(iso) - now) / 60_000));
}

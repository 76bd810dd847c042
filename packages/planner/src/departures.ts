import { isoDateTime } from '@kigaligo/domain';
import { z } from 'zod';
import type { Network } from './network';
import { modeOfRouteType, type TransitMode, transitModes } from './route-modes';
import { dayViews } from './services';
import { addDays, serviceDayOrigin, toServiceTime, toZonedIso } from './zone-time';

/**
 * The next departures at a stop from the timetable: what the rider app shows offline, and what the server
 * overlays with live predictions. Service days per GTFS (zone-time.ts): the day before is looked at too, its
 * trips past 24:00 run this morning, and the next one, for a late evening.
 */

/** One departure of a scheduled trip from a stop. */
export interface ScheduledDeparture {
  /** Index into network.patterns, and of the trip in it: what a tracked bus's trip is matched by. */
  pattern: number;
  trip: number;
  /** Position of the stop in the trip (a loop can pass a stop twice). */
  position: number;
  /** GTFS service date YYYYMMDD the trip runs on (its times count from this day's origin). */
  serviceDate: string;
  /** Epoch ms of the scheduled departure. */
  at: number;
}

const stopIndexes = new WeakMap<Network, Map<string, number>>();

/** The network's index of a stop id, undefined when the feed has no such stop. */
export function stopIndexOf(network: Network, stopId: string): number | undefined {
  let index = stopIndexes.get(network);
  if (!index) {
    index = new Map(network.timetable.stops.map((s, i) => [s.id, i]));
    stopIndexes.set(network, index);
  }
  return index.get(stopId);
}

/**
 * Scheduled departures from the stop at `stop` (network index) in [fromMs, untilMs), earliest first. A trip's
 * last stop is not a departure. The window should not exceed a day: service days before yesterday and after
 * tomorrow (of fromMs) are not looked at.
 */
export function scheduledDepartures(
  network: Network,
  stop: number,
  fromMs: number,
  untilMs: number,
): ScheduledDeparture[] {
  const tz = network.timetable.timezone;
  const { date, secs } = toServiceTime(fromMs, tz);
  const base = serviceDayOrigin(date, tz);
  const windowSecs = Math.ceil((untilMs - fromMs) / 1000);
  const pairs = network.stopPatterns[stop] ?? new Int32Array();
  const out: ScheduledDeparture[] = [];
  for (const [d, view] of dayViews(network.timetable, date).entries()) {
    const serviceDate = addDays(date, d - 1);
    for (let k = 0; k < pairs.length; k += 2) {
      const pattern = pairs[k]!;
      const position = pairs[k + 1]!;
      const p = network.patterns[pattern]!;
      const n = p.stops.length;
      if (position === n - 1) continue;
      for (let trip = 0; trip < p.tripCount; trip++) {
        if (!view.active[p.service[trip]!]) continue;
        // Seconds after the origin of fromMs's service day.
        const t = view.offset + p.dep[trip * n + position]!;
        if (t < secs || t >= secs + windowSecs) continue;
        out.push({ pattern, trip, position, serviceDate, at: base + t * 1000 });
      }
    }
  }
  return out.sort((a, b) => a.at - b.at);
}

/** A departure as the API and the apps show it. Times are ISO-8601 with the feed zone's offset. */
export const departure = z.object({
  tripId: z.string(),
  /** GTFS-Realtime's start_date and start_time of the trip: with tripId, they name the run. */
  startDate: z.string().regex(/^\d{8}$/),
  startTime: z.string().regex(/^\d{2,}:\d{2}:\d{2}$/),
  route: z.object({
    id: z.string(),
    shortName: z.string(),
    longName: z.string(),
    color: z.string().optional(),
    textColor: z.string().optional(),
    mode: z.enum(transitModes),
  }),
  headsign: z.string(),
  directionId: z.union([z.literal(0), z.literal(1)]).optional(),
  scheduledAt: isoDateTime,
  /** The live prediction when a tracked vehicle runs the trip; else the scheduled time. */
  expectedAt: isoDateTime,
  realtime: z.boolean(),
});
export type Departure = z.infer<typeof departure>;

/** Seconds after a service day's origin as GTFS writes them (HH:MM:SS, hours past 24 after midnight). */
export function gtfsClockTime(secs: number): string {
  const two = (x: number) => String(x).padStart(2, '0');
  return `${two(Math.floor(secs / 3600))}:${two(Math.floor(secs / 60) % 60)}:${two(secs % 60)}`;
}

/** How a scheduled departure is shown; `predictedMs` when a tracked vehicle runs its trip. */
export function describeDeparture(network: Network, d: ScheduledDeparture, predictedMs?: number): Departure {
  const tz = network.timetable.timezone;
  const p = network.patterns[d.pattern]!;
  const r = network.timetable.routes[p.route]!;
  const mode: TransitMode = modeOfRouteType(r.type);
  return {
    tripId: p.tripIds[d.trip]!,
    startDate: d.serviceDate,
    startTime: gtfsClockTime(p.dep[d.trip * p.stops.length]!),
    route: {
      id: r.id,
      shortName: r.shortName,
      longName: r.longName,
      ...(r.color ? { color: r.color } : {}),
      ...(r.textColor ? { textColor: r.textColor } : {}),
      mode,
    },
    headsign: p.headsign,
    ...(p.direction === undefined ? {} : { directionId: p.direction }),
    scheduledAt: toZonedIso(d.at, tz),
    expectedAt: toZonedIso(predictedMs ?? d.at, tz),
    realtime: predictedMs !== undefined,
  };
}

/** The next `limit` departures at a stop from the schedule alone (the apps offline), within a day of `fromMs`. */
export function nextScheduledDepartures(
  network: Network,
  stop: number,
  fromMs: number,
  limit: number,
): Departure[] {
  return scheduledDepartures(network, stop, fromMs, fromMs + 86_400_000)
    .slice(0, limit)
    .map((d) => describeDeparture(network, d));
}

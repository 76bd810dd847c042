import {
  type Departure,
  describeDeparture,
  type Network,
  type ScheduledDeparture,
  scheduledDepartures,
  serviceDayOrigin,
} from '@kigaligo/planner';
import type { FeedVehicle } from '../live/live-hub';
import { findScheduledTrip } from './scheduled-trip';
import { tripProgress } from './trip-predictions';

/** Departures further ahead than this are not listed (a day covers the next run of every daily trip). */
const HORIZON_MS = 24 * 3600_000;

/**
 * The next departures at a stop: the schedule of the active feed, where a tracked bus runs the trip replaced by
 * its live prediction (TripUpdates' predictions, trip-predictions.ts), ordered by the time the rider can
 * expect. A tracked run counts by its prediction only: however late it is it is listed, and once the stop is
 * behind the bus it is not.
 */
export function stopDepartures(
  network: Network,
  stop: number,
  fleet: FeedVehicle[],
  from: number,
  now: number,
  limit: number,
): Departure[] {
  const stopId = network.timetable.stops[stop]!.id;
  const runKey = (pattern: number, trip: number, serviceDate: string) => `${pattern}/${trip}/${serviceDate}`;
  const tracked = new Set<string>();
  const shown: { expected: number; departure: Departure }[] = [];
  for (const { view, trip } of fleet) {
    const run = trip ? findScheduledTrip(network, trip) : undefined;
    if (!run || !trip) continue;
    const key = runKey(run.pattern, run.trip, trip.startDate);
    // Two buses announcing the same run: the first one's prediction stands.
    if (tracked.has(key)) continue;
    tracked.add(key);
    const origin = serviceDayOrigin(trip.startDate, network.timetable.timezone);
    const fix = { lat: view.lat, lon: view.lon, at: Date.parse(view.recordedAt) };
    const n = network.patterns[run.pattern]!.stops.length;
    for (const c of tripProgress(network, run, origin, fix, now).coming) {
      const predicted = c.predicted * 1000;
      if (c.stopId !== stopId || c.index === n - 1 || predicted < from || predicted >= from + HORIZON_MS)
        continue;
      const d: ScheduledDeparture = {
        ...run,
        position: c.index,
        serviceDate: trip.startDate,
        at: c.scheduled * 1000,
      };
      shown.push({ expected: predicted, departure: describeDeparture(network, d, predicted) });
    }
  }
  for (const d of scheduledDepartures(network, stop, from, from + HORIZON_MS)) {
    if (tracked.has(runKey(d.pattern, d.trip, d.serviceDate))) continue;
    shown.push({ expected: d.at, departure: describeDeparture(network, d) });
  }
  return shown
    .sort((a, b) => a.expected - b.expected)
    .slice(0, limit)
    .map((s) => s.departure);
}

import type { ShiftRunningTrip } from '@kigaligo/domain';
import { activeServices, type Network, toServiceTime } from '@kigaligo/planner';
import type { TrackedTrip } from '../live/visibility';
import { findScheduledTrip, type ScheduledTrip, tripDescriptor } from './scheduled-trip';

/**
 * How far from its scheduled departure a driver may start a run and still be matched to that trip: buses in
 * Kigali leave the terminus when full, so the start is loose; beyond this the timetable says nothing useful.
 */
export const RUN_START_WINDOW_SECS = 30 * 60;

/** Whether the network has a route with this id running towards this headsign (any time of day). */
export function hasRouteDirection(network: Network, routeId: string, headsign: string): boolean {
  const route = network.timetable.routes.findIndex((r) => r.id === routeId);
  return route >= 0 && network.patterns.some((p) => p.route === route && p.headsign === headsign);
}

/**
 * The scheduled trip of the route and headsign a bus starting at `now` runs: of today's trips (service day of
 * `now` in the feed's zone) not yet at their last stop, the one whose first departure is nearest `now`, within
 * RUN_START_WINDOW_SECS. Undefined when none is.
 */
export function runStartingAt(
  network: Network,
  routeId: string,
  headsign: string,
  now: Date,
): { run: ScheduledTrip; startDate: string } | undefined {
  const route = network.timetable.routes.findIndex((r) => r.id === routeId);
  if (route < 0) return undefined;
  const { date, secs } = toServiceTime(now, network.timetable.timezone);
  const active = activeServices(network.timetable, date);
  let best: { run: ScheduledTrip; gap: number } | undefined;
  network.patterns.forEach((p, pattern) => {
    if (p.route !== route || p.headsign !== headsign) return;
    const n = p.stops.length;
    for (let trip = 0; trip < p.tripCount; trip++) {
      if (!active[p.service[trip]!] || p.arr[trip * n + n - 1]! <= secs) continue;
      const gap = Math.abs(p.dep[trip * n]! - secs);
      if (gap <= RUN_START_WINDOW_SECS && (!best || gap < best.gap)) best = { run: { pattern, trip }, gap };
    }
  });
  return best && { run: best.run, startDate: date };
}

/** A tracked trip as the driver's app shows it; undefined when the active feed no longer has it. */
export function runningTrip(network: Network, tracked: TrackedTrip): ShiftRunningTrip | undefined {
  const run = findScheduledTrip(network, tracked);
  if (!run) return undefined;
  const p = network.patterns[run.pattern]!;
  const route = network.timetable.routes[p.route]!;
  const d = tripDescriptor(network, run, tracked.startDate);
  return {
    routeId: route.id,
    routeShortName: route.shortName,
    headsign: p.headsign,
    tripId: d.tripId,
    startDate: d.startDate,
    startTime: d.startTime,
  };
}

import type { LatLon } from '@kigaligo/domain';
import { activeServices, type Network, type ShapeLine, toServiceTime } from '@kigaligo/planner';
import { type Polyline, pointAlong, polyline } from './polyline';

/** One scheduled trip of the network: a pattern and the index of the trip in it. */
export interface BusRun {
  pattern: number;
  trip: number;
}

export const runKey = (r: BusRun) => `${r.pattern}:${r.trip}`;

/** A run's departure from its first stop (seconds of its service day). */
export const runStart = (network: Network, r: BusRun) => {
  const p = network.patterns[r.pattern]!;
  return p.dep[r.trip * p.stops.length]!;
};

/** The trips running at `now` (service day of `now` in the feed's zone; trips past midnight left out). */
export function runningTrips(network: Network, now: Date): BusRun[] {
  const tt = network.timetable;
  const { date, secs } = toServiceTime(now, tt.timezone);
  const active = activeServices(tt, date);
  const out: BusRun[] = [];
  network.patterns.forEach((p, pattern) => {
    const n = p.stops.length;
    for (let trip = 0; trip < p.tripCount; trip++) {
      if (!active[p.service[trip]!]) continue;
      if (p.dep[trip * n]! <= secs && secs < p.arr[trip * n + n - 1]!) out.push({ pattern, trip });
    }
  });
  return out;
}

/**
 * Where a run's bus is at `now` by its timetable: between the two stops it is scheduled between, at the share
 * of the distance its time says, on the road shape when the feed has one. Undefined once the run is over.
 */
export function busPosition(
  network: Network,
  run: BusRun,
  now: Date,
): (LatLon & { heading: number }) | undefined {
  const p = network.patterns[run.pattern]!;
  const n = p.stops.length;
  const { secs } = toServiceTime(now, network.timetable.timezone);
  const at = (i: number) => ({ dep: p.dep[run.trip * n + i]!, arr: p.arr[run.trip * n + i]! });
  if (secs < at(0).dep || secs >= at(n - 1).arr) return undefined;
  let i = 0;
  while (i < n - 2 && at(i + 1).dep <= secs) i++;
  const leave = at(i).dep;
  const reach = at(i + 1).arr;
  const share = reach > leave ? Math.max(0, Math.min(1, (secs - leave) / (reach - leave))) : 0;
  const metres = p.dist[i]! + (p.dist[i + 1]! - p.dist[i]!) * share;
  const shape = p.shape !== undefined ? network.shapes[p.shape] : undefined;
  if (shape && shape.along.length > 1) {
    // The pattern measures from its first stop; the shape from its first point: scale one onto the other.
    const scale = p.dist[n - 1]! > 0 ? shape.along.at(-1)! / p.dist[n - 1]! : 0;
    return pointAlong(lineOf(shape), metres * scale);
  }
  const stop = (k: number) => ({ lat: network.lat[p.stops[k]!]!, lon: network.lon[p.stops[k]!]! });
  const leg = polyline([stop(i), stop(i + 1)]);
  return pointAlong(leg, share * leg.length);
}

const lines = new WeakMap<ShapeLine, Polyline>();

/** A shape as a polyline, measured once (the shape's own planar metres). */
function lineOf(shape: ShapeLine): Polyline {
  let line = lines.get(shape);
  if (!line) {
    const along = Array.from(shape.along);
    line = {
      points: Array.from(shape.lat, (lat, k) => ({ lat, lon: shape.lon[k]! })),
      along,
      length: along.at(-1)!,
    };
    lines.set(shape, line);
  }
  return line;
}

import type { LatLon } from '@kigaligo/domain';
import type { Network } from '@kigaligo/planner';
import type { ScheduledTrip } from './scheduled-trip';

/** A bus this close to a stop (metres along its trip) is at it: the stop is behind it, not coming. */
const AT_STOP_METRES = 25;
/** Candidate matches this much farther from the fix than the nearest still count (GPS error, parallel roads). */
const MATCH_SLACK_METRES = 30;

/** The predicted arrival at one coming stop of a trip. */
export interface StopPrediction {
  /** Position of the stop in the trip (0-based). */
  index: number;
  stopId: string;
  /** Epoch seconds. */
  scheduled: number;
  predicted: number;
}

export interface TripProgress {
  /** Metres along the trip from its first stop. */
  along: number;
  /** Seconds the bus is behind its timetable (negative: ahead). */
  delay: number;
  coming: StopPrediction[];
}

/**
 * Where a tracked bus is on its trip and when it reaches each coming stop. The fix is matched to the trip's
 * road shape (or the stop-to-stop line without one); where the line passes the same place twice, the match
 * nearest to where the timetable expects the bus wins. The delay there, carried unchanged to every coming
 * stop, gives the predictions; they never decrease along the trip and are never before `now`.
 *
 * `origin` is the epoch ms of the trip's service day origin (serviceDayOrigin of its start date).
 */
export function tripProgress(
  network: Network,
  run: ScheduledTrip,
  origin: number,
  fix: LatLon & { at: number },
  now: number,
): TripProgress {
  const p = network.patterns[run.pattern]!;
  const n = p.stops.length;
  const arr = (i: number) => p.arr[run.trip * n + i]!;
  const dep = (i: number) => p.dep[run.trip * n + i]!;
  const fixSecs = (fix.at - origin) / 1000;
  const along = match(network, run, fix, expectedAlong(p.dist, arr, dep, n, fixSecs));
  const delay = Math.round(fixSecs - scheduledAt(p.dist, arr, dep, n, along));
  let next = 0;
  while (next < n && p.dist[next]! <= along + AT_STOP_METRES) next++;
  const base = origin / 1000;
  const coming: StopPrediction[] = [];
  let floor = Math.floor(now / 1000);
  for (let i = next; i < n; i++) {
    const scheduled = Math.round(base + arr(i));
    const predicted = Math.max(floor, scheduled + delay);
    floor = predicted;
    coming.push({ index: i, stopId: network.timetable.stops[p.stops[i]!]!.id, scheduled, predicted });
  }
  return { along, delay, coming };
}

/** The timetable's time (service seconds) at `along` metres: dwelling at a stop, then running evenly to the next. */
function scheduledAt(
  dist: Float64Array,
  arr: (i: number) => number,
  dep: (i: number) => number,
  n: number,
  along: number,
): number {
  if (along <= dist[0]!) return dep(0);
  for (let i = 0; i < n - 1; i++) {
    if (along <= dist[i + 1]!) {
      const span = dist[i + 1]! - dist[i]!;
      const share = span > 0 ? (along - dist[i]!) / span : 1;
      return dep(i) + share * (arr(i + 1) - dep(i));
    }
  }
  return arr(n - 1);
}

/** Where the timetable puts the bus at `secs` (metres along the trip). */
function expectedAlong(
  dist: Float64Array,
  arr: (i: number) => number,
  dep: (i: number) => number,
  n: number,
  secs: number,
): number {
  if (secs <= dep(0)) return dist[0]!;
  for (let i = 0; i < n - 1; i++) {
    if (secs < dep(i)) return dist[i]!;
    if (secs < arr(i + 1)) {
      const span = arr(i + 1) - dep(i);
      return dist[i]! + (span > 0 ? (secs - dep(i)) / span : 1) * (dist[i + 1]! - dist[i]!);
    }
  }
  return dist[n - 1]!;
}

/** The fix projected onto the trip's line, in metres along the trip (see tripProgress). */
function match(network: Network, run: ScheduledTrip, fix: LatLon, expected: number): number {
  const p = network.patterns[run.pattern]!;
  const n = p.stops.length;
  const total = p.dist[n - 1]!;
  const shape = p.shape === undefined ? undefined : network.shapes[p.shape];
  let lat: ArrayLike<number>;
  let lon: ArrayLike<number>;
  let along: number[];
  if (shape && shape.along.length > 1) {
    // The shape measures from its first point, the trip from its first stop: scale one onto the other.
    const scale = shape.along.at(-1)! > 0 ? total / shape.along.at(-1)! : 0;
    lat = shape.lat;
    lon = shape.lon;
    along = Array.from(shape.along, (a) => a * scale);
  } else {
    lat = Array.from(p.stops, (s) => network.lat[s]!);
    lon = Array.from(p.stops, (s) => network.lon[s]!);
    along = Array.from(p.dist);
  }
  // Planar metres around the fix: exact enough over a city.
  const ky = 111_320;
  const kx = 111_320 * Math.cos((fix.lat * Math.PI) / 180);
  const candidates: { off: number; at: number }[] = [];
  for (let k = 0; k + 1 < along.length; k++) {
    const ax = (lon[k]! - fix.lon) * kx;
    const ay = (lat[k]! - fix.lat) * ky;
    const bx = (lon[k + 1]! - fix.lon) * kx;
    const by = (lat[k + 1]! - fix.lat) * ky;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
    const off = Math.hypot(ax + t * dx, ay + t * dy);
    candidates.push({ off, at: along[k]! + t * (along[k + 1]! - along[k]!) });
  }
  if (candidates.length === 0) return Math.max(0, Math.min(total, expected));
  const nearest = Math.min(...candidates.map((c) => c.off));
  const close = candidates.filter((c) => c.off <= nearest + MATCH_SLACK_METRES);
  const best = close.reduce((a, b) => (Math.abs(b.at - expected) < Math.abs(a.at - expected) ? b : a));
  return Math.max(0, Math.min(total, best.at));
}

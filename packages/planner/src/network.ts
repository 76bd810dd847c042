import { buildFootpaths, type Footpaths } from './footpaths';
import { decodeShape, type ShapeLine } from './shape-line';
import type { Timetable } from './timetable';

/**
 * The search structure RAPTOR runs on. A *pattern* is a set of trips of one route that serve the same stops
 * in the same order and never overtake each other, so at every stop the trips are in the same order: the
 * earliest trip catchable at a stop is found by binary search, and the first one caught is the best one.
 * Times are seconds after the service day's midnight; each trip belongs to one service (calendar).
 */
export interface Pattern {
  route: number;
  headsign: string;
  /** trips.txt direction_id of its trips, when the feed gives it. */
  direction: 0 | 1 | undefined;
  stops: Int32Array;
  /** Metres from the pattern's first stop, for fares and leg lengths. */
  dist: Float64Array;
  tripCount: number;
  /** dep[trip * n + i], arr[trip * n + i] with n = stops.length; trips sorted by departure. */
  dep: Int32Array;
  arr: Int32Array;
  service: Int32Array;
  /** GTFS trip_id of each trip (frequency-based trips share one; their first departure tells them apart). */
  tripIds: string[];
  /** Index into Network.shapes: the road its trips follow, when the feed has a shape for them. */
  shape: number | undefined;
}

export interface PlannerOptions {
  /** Walking speed in m/s on the street network (≈4.3 km/h; allows for Kigali's hills). */
  walkSpeed: number;
  /** Street distance ÷ straight-line distance, for walking and riding (assumed; Kigali's streets wind). */
  detour: number;
  /** Stops closer than this (straight line) are linked by a footpath for changing buses. */
  transferRadius: number;
  /** Minimum time to change buses at the same stop when transfers.txt says nothing. */
  minChangeSecs: number;
}

export const DEFAULT_OPTIONS: PlannerOptions = {
  walkSpeed: 1.2,
  detour: 1.3,
  transferRadius: 400,
  minChangeSecs: 60,
};

export interface Network {
  timetable: Timetable;
  options: PlannerOptions;
  stopCount: number;
  lat: Float64Array;
  lon: Float64Array;
  patterns: Pattern[];
  /** For each stop, the patterns serving it as flat pairs [pattern, position, pattern, position, …]. */
  stopPatterns: Int32Array[];
  footpaths: Footpaths;
  /** Minimum change time at each stop (a huge value where transfers.txt forbids changing there). */
  changeSecs: Int32Array;
  /** The bundle's road shapes, decoded (empty when it has none). */
  shapes: ShapeLine[];
}

interface RawTrip {
  template: number;
  service: number;
  t0: number;
  tripId: string;
}

/** Expands frequencies into trips and groups trips into FIFO patterns. */
export function buildNetwork(tt: Timetable, opts: Partial<PlannerOptions> = {}): Network {
  const options = { ...DEFAULT_OPTIONS, ...opts };
  const trips: RawTrip[] = tt.departures.map(([template, service, t0], i) => ({
    template,
    service,
    t0,
    tripId: tt.departureTrips[i]!,
  }));
  tt.frequencies.forEach(([template, service, start, end, headway], i) => {
    // GTFS frequencies: a departure every `headway` from start_time while before end_time. exact_times=0
    // ("about every h") is planned as if exact: the app shows these times as approximate.
    for (let t0 = start; t0 < end; t0 += headway)
      trips.push({ template, service, t0, tripId: tt.frequencyTrips[i]! });
  });
  // Trips of templates with the same route and stop sequence can share a pattern if they don't overtake.
  const groups = new Map<string, RawTrip[]>();
  for (const trip of trips) {
    const tpl = tt.templates[trip.template]!;
    const key = `${tpl.route}|${tpl.direction ?? ''}|${tpl.headsign}|${tpl.shape ?? ''}|${tpl.stops.join(',')}`;
    const g = groups.get(key);
    if (g) g.push(trip);
    else groups.set(key, [trip]);
  }
  const patterns: Pattern[] = [];
  for (const group of groups.values()) patterns.push(...fifoPatterns(tt, group));

  const stopCount = tt.stops.length;
  const lists: number[][] = Array.from({ length: stopCount }, () => []);
  patterns.forEach((p, pi) => {
    // A pattern may pass a stop twice (a loop); each visit is its own position.
    for (let i = 0; i < p.stops.length; i++) lists[p.stops[i]!]!.push(pi, i);
  });
  const lat = Float64Array.from(tt.stops, (s) => s.lat);
  const lon = Float64Array.from(tt.stops, (s) => s.lon);
  const changeSecs = new Int32Array(stopCount).fill(options.minChangeSecs);
  for (const [a, b, secs] of tt.transfers) if (a === b) changeSecs[a] = secs < 0 ? 1e9 : secs;
  return {
    timetable: tt,
    options,
    stopCount,
    lat,
    lon,
    patterns,
    stopPatterns: lists.map((l) => Int32Array.from(l)),
    footpaths: buildFootpaths(lat, lon, tt.transfers, options),
    changeSecs,
    shapes: (tt.shapes ?? []).map(decodeShape),
  };
}

/** Splits trips of one stop sequence into as few overtaking-free patterns as a greedy pass finds. */
function fifoPatterns(tt: Timetable, group: RawTrip[]): Pattern[] {
  const tpl0 = tt.templates[group[0]!.template]!;
  const n = tpl0.stops.length;
  const times = (t: RawTrip) => {
    const tpl = tt.templates[t.template]!;
    return { arr: tpl.arr.map((x) => x + t.t0), dep: tpl.dep.map((x) => x + t.t0) };
  };
  const sorted = group
    .map((t) => ({ t, ...times(t) }))
    .sort((a, b) => a.dep[0]! - b.dep[0]! || a.arr[n - 1]! - b.arr[n - 1]!);
  const buckets: (typeof sorted)[] = [];
  for (const trip of sorted) {
    const fits = (b: typeof sorted) => {
      const last = b[b.length - 1]!;
      for (let i = 0; i < n; i++)
        if (trip.dep[i]! < last.dep[i]! || trip.arr[i]! < last.arr[i]!) return false;
      return true;
    };
    const bucket = buckets.find(fits);
    if (bucket) bucket.push(trip);
    else buckets.push([trip]);
  }
  return buckets.map((b) => {
    const dep = new Int32Array(b.length * n);
    const arr = new Int32Array(b.length * n);
    b.forEach((trip, k) => {
      dep.set(trip.dep, k * n);
      arr.set(trip.arr, k * n);
    });
    return {
      route: tpl0.route,
      headsign: tpl0.headsign,
      // Always present, even when undefined: every pattern then has one object shape, so the planner's scan
      // stays monomorphic whatever networks a process has planned on (with the keys optional, a 10k-stop plan
      // made after Kigali ones was 15–25 % slower).
      direction: tpl0.direction,
      shape: tpl0.shape,
      stops: Int32Array.from(tpl0.stops),
      dist: Float64Array.from(tt.templates[b[0]!.t.template]!.dist),
      tripCount: b.length,
      dep,
      arr,
      service: Int32Array.from(b, (trip) => trip.t.service),
      tripIds: b.map((trip) => trip.t.tripId),
    };
  });
}

import type { Feed } from '@kigaligo/gtfs';
import { buildNetwork, type Network, type PlannerOptions } from './network';
import { type Timetable, timetableFromFeed } from './timetable';

/**
 * The network bundle the apps ship and cache for offline planning: the timetable as JSON (frequencies left
 * unexpanded, coordinates to 6 decimals ≈ 0.1 m, road shapes simplified to SHAPE_TOLERANCE_METRES). It is built once from the validated GTFS feed at build
 * time, so the apps never parse GTFS; loading it is a JSON parse plus `buildNetwork` (a few ms for Kigali).
 */
export function buildBundle(feed: Feed, shapeToleranceMetres?: number): string {
  const tt = timetableFromFeed(feed, shapeToleranceMetres);
  const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
  return JSON.stringify({
    ...tt,
    stops: tt.stops.map((s) => ({ ...s, lat: round6(s.lat), lon: round6(s.lon) })),
  });
}

/** Checks the bundle's outline (not every number: it comes from our own build) and builds the network. */
export function loadBundle(bundle: string | Timetable, opts: Partial<PlannerOptions> = {}): Network {
  const tt = (typeof bundle === 'string' ? JSON.parse(bundle) : bundle) as Timetable;
  if (tt === null || typeof tt !== 'object' || tt.version !== 2) {
    throw new Error('not a KigaliGo network bundle (version 2)');
  }
  for (const key of [
    'stops',
    'routes',
    'services',
    'templates',
    'departures',
    'departureTrips',
    'frequencies',
    'frequencyTrips',
    'transfers',
  ] as const) {
    if (!Array.isArray(tt[key])) throw new Error(`network bundle: "${key}" is missing`);
  }
  if (tt.shapes !== undefined && !Array.isArray(tt.shapes)) throw new Error('network bundle: bad "shapes"');
  return buildNetwork(tt, opts);
}

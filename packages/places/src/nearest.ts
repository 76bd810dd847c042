import type { PlacesIndex } from './places-index';
import type { Place } from './types';

const R = 6_371_000;

/** Great-circle distance in metres (enough for a city: no ellipsoid needed). */
export function distanceMeters(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The `n` stops (and bus parks) closest to a point, nearest first. A linear scan: Kigali has ~500 stops. */
export function nearestStops(
  index: PlacesIndex,
  at: { lat: number; lon: number },
  n: number,
): (Place & { distanceMeters: number })[] {
  return index.places
    .filter((p) => p.place.kind === 'stop' || p.place.kind === 'station')
    .map((p) => ({ ...p.place, distanceMeters: Math.round(distanceMeters(at, p.place)) }))
    .sort((a, b) => a.distanceMeters - b.distanceMeters)
    .slice(0, n);
}

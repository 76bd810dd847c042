/** A point on the ground; the simulator works in degrees and metres like the GPS it stands in for. */
export interface LatLon {
  lat: number;
  lon: number;
}

export interface RoutePoint extends LatLon {
  /** Metres from the start of the route. */
  at: number;
}

/** Average speed of a moto or bus in Kigali traffic, m/s (≈29 km/h). */
export const SIMULATED_SPEED = 8;

const EARTH_RADIUS = 6_371_000;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine; exact enough inside a city). */
export function distance(a: LatLon, b: LatLon): number {
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS * Math.asin(Math.sqrt(h));
}

/** Compass bearing from a to b in degrees, 0 = north, clockwise (what Geolocation's `heading` means). */
export function bearing(a: LatLon, b: LatLon): number {
  const y = Math.sin(rad(b.lon - a.lon)) * Math.cos(rad(b.lat));
  const x =
    Math.cos(rad(a.lat)) * Math.sin(rad(b.lat)) -
    Math.sin(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lon - a.lon));
  return ((Math.atan2(y, x) * 180) / Math.PI + 360) % 360;
}

/**
 * A drive there and back along `stops`, so a demo can run for hours without running off the end.
 * Each point carries its distance from the start.
 */
export function loopRoute(stops: LatLon[]): RoutePoint[] {
  const path = [...stops, ...stops.slice(0, -1).reverse()];
  let at = 0;
  return path.map((p, i) => {
    const prev = path[i - 1];
    if (prev) at += distance(prev, p);
    return { lat: p.lat, lon: p.lon, at };
  });
}

/** Where a vehicle is `metres` along the route (wrapping around), and which way it is heading. */
export function pointAlong(route: RoutePoint[], metres: number): LatLon & { heading: number } {
  const total = route.at(-1)?.at ?? 0;
  const first = route[0];
  if (!first) throw new Error('empty route');
  if (total === 0) return { lat: first.lat, lon: first.lon, heading: 0 };
  const m = ((metres % total) + total) % total;
  let i = 1;
  while (i < route.length - 1 && (route[i]?.at ?? 0) < m) i++;
  const a = route[i - 1] ?? first;
  const b = route[i] ?? a;
  const f = b.at === a.at ? 0 : (m - a.at) / (b.at - a.at);
  return { lat: a.lat + (b.lat - a.lat) * f, lon: a.lon + (b.lon - a.lon) * f, heading: bearing(a, b) };
}

/**
 * Metres along the route of the point on it nearest to `p` (projected onto each segment, flat-earth within
 * a segment): where a resumed simulation picks up, so its first fix is next to the last one recorded.
 */
export function nearestAlong(route: RoutePoint[], p: LatLon): number {
  let best = 0;
  let bestDistance = Number.POSITIVE_INFINITY;
  const k = Math.cos(rad(p.lat));
  for (let i = 0; i < route.length; i++) {
    const a = route[i] as RoutePoint;
    const b = route[i + 1] ?? a;
    const [dx, dy] = [(b.lon - a.lon) * k, b.lat - a.lat];
    const len2 = dx * dx + dy * dy;
    const t =
      len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.lon - a.lon) * k * dx + (p.lat - a.lat) * dy) / len2));
    const q = { lat: a.lat + (b.lat - a.lat) * t, lon: a.lon + (b.lon - a.lon) * t };
    const d = distance(q, p);
    if (d < bestDistance) [best, bestDistance] = [a.at + (b.at - a.at) * t, d];
  }
  return best;
}

/**
 * Real places on Kigali's main bus corridor, Nyabugogo → city centre → Kimihurura → Remera → Kimironko:
 * the simulator's route when the network bundle cannot be read (first visit offline).
 */
export const kigaliDemoStops: LatLon[] = [
  { lat: -1.9394, lon: 30.0444 }, // Nyabugogo bus terminal
  { lat: -1.9456, lon: 30.0536 }, // Muhima
  { lat: -1.9499, lon: 30.0588 }, // Kigali city centre (Downtown)
  { lat: -1.9536, lon: 30.0643 }, // Kiyovu
  { lat: -1.9535, lon: 30.0777 }, // Kacyiru roundabout side (Sopetrade)
  { lat: -1.9516, lon: 30.0931 }, // Kimihurura (Kigali Heights)
  { lat: -1.9535, lon: 30.1045 }, // Kisimenti, Remera
  { lat: -1.9577, lon: 30.1128 }, // Amahoro stadium, Remera
  { lat: -1.9497, lon: 30.1265 }, // Kimironko market
];

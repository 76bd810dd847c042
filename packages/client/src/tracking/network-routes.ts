import type { LatLon } from './simulated-route';

/** The parts of `public/network/kigali.bundle.json` (the planner's Timetable) a drive simulation needs. */
export interface BundleLike {
  stops: { name: string; lat: number; lon: number }[];
  routes: { id?: string; shortName?: string; longName?: string; color?: string }[];
  templates: { route: number; headsign: string; stops: number[] }[];
}

export interface NetworkRoute {
  /** e.g. "407 → Nyabugogo bus terminal" */
  name: string;
  /** The route's short name, e.g. "407". */
  line: string;
  /** CSS colour from the feed, with a brand fallback. */
  color: string;
  stops: LatLon[];
}

/**
 * One drivable line per route and direction: the longest stop pattern (a simulated vehicle goes straight from
 * stop to stop, not along the bundle's road shapes — fine for a demo, and every fix stays in Kigali).
 */
export function networkRoutes(bundle: BundleLike): NetworkRoute[] {
  const longest = new Map<string, { route: number; headsign: string; stops: number[] }>();
  for (const t of bundle.templates) {
    const key = `${t.route}:${t.headsign}`;
    if ((longest.get(key)?.stops.length ?? 0) < t.stops.length) longest.set(key, t);
  }
  return [...longest.values()]
    .map((t) => ({
      name: `${bundle.routes[t.route]?.shortName ?? '?'} → ${t.headsign}`,
      line: bundle.routes[t.route]?.shortName ?? '?',
      color: `#${bundle.routes[t.route]?.color ?? '0b6e4f'}`,
      stops: t.stops.flatMap((i) => {
        const s = bundle.stops[i];
        return s ? [{ lat: s.lat, lon: s.lon }] : [];
      }),
    }))
    .filter((r) => r.stops.length >= 2)
    .sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** A route and the headsign of one direction: what a bus driver says they are running. */
export interface RouteDirection {
  routeId: string;
  /** The route's short name, e.g. "407". */
  line: string;
  headsign: string;
  color: string;
}

/** Every route and direction of the network, one each, in line order ("9" before "10"). */
export function routeDirections(bundle: BundleLike): RouteDirection[] {
  const seen = new Map<string, RouteDirection>();
  for (const t of bundle.templates) {
    const route = bundle.routes[t.route];
    if (!route?.id) continue;
    const key = `${route.id}\u0000${t.headsign}`;
    if (!seen.has(key))
      seen.set(key, {
        routeId: route.id,
        line: route.shortName ?? route.id,
        headsign: t.headsign,
        color: `#${route.color ?? '0b6e4f'}`,
      });
  }
  return [...seen.values()].sort(
    (a, b) =>
      a.line.localeCompare(b.line, 'en', { numeric: true }) || a.headsign.localeCompare(b.headsign, 'en'),
  );
}

import type { LatLon } from '@kigaligo/domain';
import { haversine } from '@kigaligo/planner';

/** A path a simulated vehicle follows, measured once: metres from its start to each point. */
export interface Polyline {
  points: LatLon[];
  along: number[];
  length: number;
}

export function polyline(points: LatLon[]): Polyline {
  const along = [0];
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    along.push(along[i - 1]! + haversine(a.lat, a.lon, b.lat, b.lon));
  }
  return { points, along, length: along.at(-1)! };
}

/** The position `metres` along the path (clamped to its ends) and the heading there, degrees from north. */
export function pointAlong(line: Polyline, metres: number): LatLon & { heading: number } {
  const d = Math.max(0, Math.min(metres, line.length));
  let i = 1;
  while (i < line.points.length - 1 && line.along[i]! < d) i++;
  const a = line.points[i - 1] ?? line.points[0]!;
  const b = line.points[i] ?? a;
  const span = line.along[i]! - line.along[i - 1]!;
  const t = span > 0 ? (d - line.along[i - 1]!) / span : 0;
  const heading =
    (Math.atan2((b.lon - a.lon) * Math.cos((a.lat * Math.PI) / 180), b.lat - a.lat) * 180) / Math.PI;
  return {
    lat: a.lat + (b.lat - a.lat) * t,
    lon: a.lon + (b.lon - a.lon) * t,
    heading: (heading + 360) % 360,
  };
}

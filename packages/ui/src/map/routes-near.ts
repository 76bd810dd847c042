import type { RouteLines } from './map-data';

const M_PER_DEG = 111_320;

/** Metres from `p` to the segment a–b, flat-earth (fine over a few hundred metres in Kigali). */
function toSegment(p: number[], a: number[], b: number[]): number {
  const k = Math.cos(((p[1] ?? 0) * Math.PI) / 180);
  const [px, py, ax, ay, bx, by] = [p[0]! * k, p[1]!, a[0]! * k, a[1]!, b[0]! * k, b[1]!];
  const [dx, dy] = [bx - ax, by - ay];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy)) * M_PER_DEG;
}

/**
 * The bus lines (short names, each once) passing within `maxMetres` of a vehicle, nearest first. Positions
 * carry no route, so this is a geometric guess and the map says "near line …", never "on line …".
 */
export function routesNear(lines: RouteLines, lon: number, lat: number, maxMetres = 60): string[] {
  const found: { name: string; d: number }[] = [];
  for (const f of lines.features) {
    const c = f.geometry.coordinates;
    let d = Number.POSITIVE_INFINITY;
    for (let i = 0; i + 1 < c.length; i++) d = Math.min(d, toSegment([lon, lat], c[i]!, c[i + 1]!));
    if (d <= maxMetres) found.push({ name: f.properties.line, d });
  }
  return [...new Set(found.sort((a, b) => a.d - b.d).map((f) => f.name))];
}

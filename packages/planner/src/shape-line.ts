import type { Shape } from '@kigaligo/gtfs';

/**
 * Road shapes in the network bundle, and the plane the planner measures them in.
 *
 * The feed's shapes.txt has a point every few metres (~850 KB for Kigali). The bundle keeps a simplified line
 * (Douglas–Peucker): every point dropped lies within SHAPE_TOLERANCE_METRES of the line kept. Kigali's roads
 * are 7–20 m wide, and at zoom 15 a screen pixel is ~2.4 m, so a 4 m tolerance keeps the drawn line on its
 * road at every zoom the apps allow while dropping most points. Positions are stored as integer steps of
 * 1e-5° (~1.1 m) from the previous point, [lon0, lat0, dLon1, dLat1, …], which JSON writes in 1–3 digits.
 */
export const SHAPE_TOLERANCE_METRES = 4;
const STEP = 1e5;
const R = 6_371_000;
const RAD = Math.PI / 180;

/** Metres per degree of longitude and latitude around `lat0`: a plane good to ~0.1 % across a city. */
export function metresPerDegree(lat0: number): { kx: number; ky: number } {
  return { kx: Math.cos(lat0 * RAD) * RAD * R, ky: RAD * R };
}

/** Simplifies a GTFS shape and encodes it for the bundle. */
export function encodeShape(shape: Shape, toleranceMetres = SHAPE_TOLERANCE_METRES): number[] {
  const pts = shape.points;
  const { kx, ky } = metresPerDegree(pts[0]!.lat);
  const keep = simplify(
    pts.map((p) => p.lon * kx),
    pts.map((p) => p.lat * ky),
    toleranceMetres,
  );
  const out: number[] = [];
  let lon = 0;
  let lat = 0;
  for (let i = 0; i < pts.length; i++) {
    if (!keep[i]) continue;
    // Deltas of rounded absolute values, so rounding errors never accumulate along the line.
    const x = Math.round(pts[i]!.lon * STEP);
    const y = Math.round(pts[i]!.lat * STEP);
    out.push(x - lon, y - lat);
    lon = x;
    lat = y;
  }
  return out;
}

/** A bundle shape decoded for drawing and measuring: positions, planar metres, metres along it. */
export interface ShapeLine {
  lon: Float64Array;
  lat: Float64Array;
  x: Float64Array;
  y: Float64Array;
  /** Metres from the first point to each point. */
  along: Float64Array;
  /** The plane's scale: x = lon · kx, y = lat · ky (metres). */
  kx: number;
  ky: number;
  /** The box around its points in that plane, [minX, minY, maxX, maxY]: what cannot be near it is skipped. */
  box: [number, number, number, number];
}

export function decodeShape(encoded: number[]): ShapeLine {
  const n = encoded.length / 2;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  let x = 0;
  let y = 0;
  for (let i = 0; i < n; i++) {
    x += encoded[2 * i]!;
    y += encoded[2 * i + 1]!;
    lon[i] = x / STEP;
    lat[i] = y / STEP;
  }
  const { kx, ky } = metresPerDegree(lat[0] ?? 0);
  const px = lon.map((v) => v * kx);
  const py = lat.map((v) => v * ky);
  const along = new Float64Array(n);
  for (let i = 1; i < n; i++) along[i] = along[i - 1]! + Math.hypot(px[i]! - px[i - 1]!, py[i]! - py[i - 1]!);
  const box: ShapeLine['box'] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i < n; i++) {
    box[0] = Math.min(box[0], px[i]!);
    box[1] = Math.min(box[1], py[i]!);
    box[2] = Math.max(box[2], px[i]!);
    box[3] = Math.max(box[3], py[i]!);
  }
  return { lon, lat, x: px, y: py, along, kx, ky, box };
}

/** A bundle shape's positions as GeoJSON [lon, lat] pairs, for drawing the network. */
export function shapePositions(encoded: number[]): [number, number][] {
  const line = decodeShape(encoded);
  return Array.from(line.lon, (lon, i) => [lon, line.lat[i]!]);
}

/** Douglas–Peucker on planar points (iterative, so a long shape cannot overflow the stack). */
function simplify(x: number[], y: number[], tolerance: number): boolean[] {
  const keep = new Array<boolean>(x.length).fill(false);
  keep[0] = true;
  keep[x.length - 1] = true;
  const stack: [number, number][] = [[0, x.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    let far = -1;
    let farD = tolerance;
    for (let i = a + 1; i < b; i++) {
      const d = segmentDistance(x[i]!, y[i]!, x[a]!, y[a]!, x[b]!, y[b]!);
      if (d > farD) {
        far = i;
        farD = d;
      }
    }
    if (far >= 0) {
      keep[far] = true;
      stack.push([a, far], [far, b]);
    }
  }
  return keep;
}

/** Where along the segment a–b the point nearest p lies: 0 at a, 1 at b. */
export function nearestAlong(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  return len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
}

/**
 * Distance from p to the segment a–b. A plain number, not an object, and no Math.hypot (V8 allocates its
 * result): planning measures stops and moto ends against every segment of a shape.
 */
export function segmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): number {
  const t = nearestAlong(px, py, ax, ay, bx, by);
  const ex = px - (ax + t * (bx - ax));
  const ey = py - (ay + t * (by - ay));
  return Math.sqrt(ex * ex + ey * ey);
}

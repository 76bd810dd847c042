import type { GeoPosition, LineString } from '@kigaligo/domain';
import { haversine, type LatLon } from './geo';
import type { Network, Pattern } from './network';
import { nearestAlong, type ShapeLine, segmentDistance } from './shape-line';

/**
 * The line each leg of an itinerary is drawn with (GeoJSON LineString, [lon, lat]).
 *
 * - Transit legs follow their trips' shape from the boarding stop to the alighting stop: the pattern's stops
 *   are placed on the shape in order (placeStops), the line runs from the boarding stop to its place on the
 *   shape, along the shape's points, and from the alighting stop's place to that stop. Without a shape, the
 *   line goes straight from stop to stop.
 * - Moto legs follow a bus route's road when one passes near both ends in the right order and is not much
 *   longer than the straight line; otherwise they are straight and marked approximate.
 * - Walk legs are straight (we have no footpath data); the apps draw them dashed with their distance.
 *
 * Pure and deterministic on the bundle, so the server and the apps' worker draw the same legs.
 */

/** A place on a shape: on segment `seg` (point seg to seg + 1) at fraction `t`, `metres` from the point put there. */
export interface Place {
  seg: number;
  t: number;
  metres: number;
}

/** A moto's end counts as on a road shape within this distance (m): about a block. */
const MOTO_NEAR_METRES = 150;
/** A shape's road between the ends may be at most this many times the straight distance. */
const MOTO_MAX_DETOUR = 2;

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const pos = (p: LatLon): GeoPosition => [round6(p.lon), round6(p.lat)];

function line(points: GeoPosition[]): LineString {
  const coordinates: GeoPosition[] = [];
  for (const p of points) {
    const last = coordinates[coordinates.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) coordinates.push(p);
  }
  // A leg that starts and ends at one point (a moto to the stop you are at) is still a two-point line.
  if (coordinates.length === 1) coordinates.push(coordinates[0]!);
  return { type: 'LineString', coordinates };
}

function planar(shape: ShapeLine, p: LatLon): [number, number] {
  return [p.lon * shape.kx, p.lat * shape.ky];
}

/** Whether p is within `metres` of the shape's box (so possibly within `metres` of the shape). */
function nearBox(shape: ShapeLine, p: LatLon, metres: number): boolean {
  const [x, y] = planar(shape, p);
  const [minX, minY, maxX, maxY] = shape.box;
  return x >= minX - metres && x <= maxX + metres && y >= minY - metres && y <= maxY + metres;
}

function pointAt(shape: ShapeLine, pl: Place): GeoPosition {
  const i = pl.seg;
  return [
    round6(shape.lon[i]! + (shape.lon[i + 1]! - shape.lon[i]!) * pl.t),
    round6(shape.lat[i]! + (shape.lat[i + 1]! - shape.lat[i]!) * pl.t),
  ];
}

function alongAt(shape: ShapeLine, pl: Place): number {
  return shape.along[pl.seg]! + (shape.along[pl.seg + 1]! - shape.along[pl.seg]!) * pl.t;
}

/** The shape from place a to place b (a before b): a's point, the shape's points between, b's point. */
function between(shape: ShapeLine, a: Place, b: Place): GeoPosition[] {
  const out: GeoPosition[] = [pointAt(shape, a)];
  for (let i = a.seg + 1; i <= b.seg; i++) out.push([round6(shape.lon[i]!), round6(shape.lat[i]!)]);
  out.push(pointAt(shape, b));
  return out;
}

/**
 * Places a sequence of points on a shape in order: each on a segment at or after the previous one's,
 * minimising the summed distance (dynamic programming with a running minimum; O(points × segments)). A
 * nearest-segment search alone would put a stop on the wrong pass of a line that runs both ways along a road.
 */
export function placeInOrder(shape: ShapeLine, points: LatLon[]): Place[] {
  const segs = shape.lon.length - 1;
  if (segs < 1 || points.length === 0) return [];
  const { x, y } = shape;
  // cost[i]: the least summed distance of the points so far with the last on segment i; from[k][i]: where
  // point k − 1 then lies. Only numbers per segment: a moto leg runs this against every shape near its ends.
  const from: Int32Array[] = [];
  let cost = new Float64Array(segs);
  let next = new Float64Array(segs);
  for (let k = 0; k < points.length; k++) {
    const [px, py] = planar(shape, points[k]!);
    const back = new Int32Array(segs);
    let best = 0;
    for (let i = 0; i < segs; i++) {
      if (k > 0 && cost[i]! < cost[best]!) best = i;
      next[i] = (k > 0 ? cost[best]! : 0) + segmentDistance(px, py, x[i]!, y[i]!, x[i + 1]!, y[i + 1]!);
      back[i] = best;
    }
    from.push(back);
    [cost, next] = [next, cost];
  }
  let end = 0;
  for (let i = 1; i < segs; i++) if (cost[i]! < cost[end]!) end = i;
  const places: Place[] = new Array(points.length);
  for (let k = points.length - 1; k >= 0; k--) {
    const [px, py] = planar(shape, points[k]!);
    const seg: [number, number, number, number] = [x[end]!, y[end]!, x[end + 1]!, y[end + 1]!];
    places[k] = { seg: end, t: nearestAlong(px, py, ...seg), metres: segmentDistance(px, py, ...seg) };
    end = from[k]![end]!;
  }
  // Two stops on one segment: keep their order along it.
  for (let k = 1; k < places.length; k++) {
    const a = places[k - 1]!;
    const b = places[k]!;
    if (a.seg === b.seg && b.t < a.t) places[k] = { ...b, t: a.t };
  }
  return places;
}

const stopPlaces = new WeakMap<Pattern, Place[]>();

/** Where each stop of a pattern lies on its shape (computed once per pattern). */
function placesOf(net: Network, p: Pattern, shape: ShapeLine): Place[] {
  let places = stopPlaces.get(p);
  if (!places) {
    const stops = Array.from(p.stops, (s) => ({ lat: net.lat[s]!, lon: net.lon[s]! }));
    places = placeInOrder(shape, stops);
    stopPlaces.set(p, places);
  }
  return places;
}

/** A ride on pattern p from stop position `board` to `alight`. */
export function transitGeometry(net: Network, p: Pattern, board: number, alight: number): LineString {
  const stopAt = (i: number): GeoPosition => pos({ lat: net.lat[p.stops[i]!]!, lon: net.lon[p.stops[i]!]! });
  const shape = p.shape === undefined ? undefined : net.shapes[p.shape];
  if (!shape) {
    const stops: GeoPosition[] = [];
    for (let i = board; i <= alight; i++) stops.push(stopAt(i));
    return line(stops);
  }
  const places = placesOf(net, p, shape);
  return line([stopAt(board), ...between(shape, places[board]!, places[alight]!), stopAt(alight)]);
}

/** A moto ride from a to b: along a bus route's road when one fits, else straight and approximate. */
export function motoGeometry(
  net: Network,
  a: LatLon,
  b: LatLon,
): { geometry: LineString; approximate: boolean } {
  const straight = haversine(a.lat, a.lon, b.lat, b.lon);
  let best: { shape: ShapeLine; from: Place; to: Place; score: number } | undefined;
  for (const shape of net.shapes) {
    // Both ends must be near the shape, so near its box: most shapes are skipped without measuring.
    if (!nearBox(shape, a, MOTO_NEAR_METRES) || !nearBox(shape, b, MOTO_NEAR_METRES)) continue;
    const [from, to] = placeInOrder(shape, [a, b]);
    if (!from || !to || from.metres > MOTO_NEAR_METRES || to.metres > MOTO_NEAR_METRES) continue;
    const road = alongAt(shape, to) - alongAt(shape, from);
    if (road > MOTO_MAX_DETOUR * straight + 2 * MOTO_NEAR_METRES) continue;
    // Closest to both ends first, then the shorter road.
    const score = from.metres + to.metres + road / 100;
    if (!best || score < best.score) best = { shape, from, to, score };
  }
  if (!best) return { geometry: line([pos(a), pos(b)]), approximate: true };
  return {
    geometry: line([pos(a), ...between(best.shape, best.from, best.to), pos(b)]),
    approximate: false,
  };
}

/** A walk from a to b: straight. */
export function walkGeometry(a: LatLon, b: LatLon): LineString {
  return line([pos(a), pos(b)]);
}

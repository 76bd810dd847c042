import { join } from 'node:path';
import { lineString } from '@kigaligo/domain';
import { parseFeed } from '@kigaligo/gtfs';
import { readFeedFiles } from '@kigaligo/gtfs/node';
import { describe, expect, it } from 'vitest';
import { haversine } from './geo';
import type { Leg } from './itinerary';
import { placeInOrder } from './leg-geometry';
import { buildNetwork } from './network';
import { planTrip } from './plan';
import { decodeShape, encodeShape } from './shape-line';
import { PLACES } from './testing/kigali';
import { timetableFromFeed } from './timetable';

const files = readFeedFiles(join(import.meta.dirname, '../../../public/network/kigali-gtfs'));
const feed = parseFeed(files);
const net = buildNetwork(timetableFromFeed(feed));
// The same feed without shapes.txt (and the trips' shape_id, its last column).
const { 'shapes.txt': _, ...withoutShapes } = files;
withoutShapes['trips.txt'] = files['trips.txt']!.replace(/,[^,\n]*$/gm, '');
const straightNet = buildNetwork(timetableFromFeed(parseFeed(withoutShapes)));

const at = '2026-11-24T08:00:00+02:00';
const metres = (a: number[], b: { lat: number; lon: number }) => haversine(a[1]!, a[0]!, b.lat, b.lon);
const busLeg = (legs: Leg[]) => legs.find((l) => l.mode === 'bus')!;

/** Distance (m) from a point to the nearest segment of a full-resolution feed shape. */
function offRoad(p: number[], shapeId: string): number {
  const pts = feed.shapes.find((s) => s.id === shapeId)!.points;
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i + 1 < pts.length; i++) {
    // Sample each segment finely: shapes.txt segments are a few metres long, so this is exact enough.
    for (let k = 0; k <= 10; k++) {
      const lat = pts[i]!.lat + ((pts[i + 1]!.lat - pts[i]!.lat) * k) / 10;
      const lon = pts[i]!.lon + ((pts[i + 1]!.lon - pts[i]!.lon) * k) / 10;
      best = Math.min(best, metres(p, { lat, lon }));
    }
  }
  return best;
}

describe('leg geometry on the shipped Kigali feed', () => {
  const its = planTrip(net, { from: PLACES.nyabugogo, to: PLACES.kimironko, departAt: at });

  it('Nyabugogo → Kimironko: the bus leg follows the road from the boarding to the alighting stop', () => {
    const leg = busLeg(its.find((i) => i.legs.some((l) => l.mode === 'bus'))!.legs);
    const coords = leg.geometry.coordinates;
    expect(lineString.parse(leg.geometry)).toEqual(leg.geometry);
    expect(coords.length).toBeGreaterThan(20);
    expect(coords[0]).toEqual([leg.from.lon, leg.from.lat]);
    expect(coords.at(-1)).toEqual([leg.to.lon, leg.to.lat]);
    // Every point between the two stops lies on the feed's full-resolution road line of that trip.
    const trip = feed.trips.find((t) => t.routeId === leg.route!.id && t.headsign === leg.route!.headsign)!;
    for (const p of coords.slice(1, -1)) expect(offRoad(p, trip.shapeId!)).toBeLessThan(6);
    // Along the road is longer than stop to stop, and about as long as the leg's distance.
    let length = 0;
    for (let i = 1; i < coords.length; i++)
      length += metres(coords[i]!, { lon: coords[i - 1]![0]!, lat: coords[i - 1]![1]! });
    expect(length).toBeGreaterThan(0.9 * leg.distanceMeters);
    expect(length).toBeLessThan(1.2 * leg.distanceMeters);
  });

  it('without shapes.txt a transit leg goes straight from stop to stop', () => {
    const leg = busLeg(
      planTrip(straightNet, { from: PLACES.nyabugogo, to: PLACES.kimironko, departAt: at, moto: false }).find(
        (i) => i.legs.some((l) => l.mode === 'bus'),
      )!.legs,
    );
    expect(leg.geometry.coordinates).toEqual(leg.stops!.map((s) => [s.lon, s.lat]));
  });

  it('a whole moto ride between two bus parks follows a bus road; one far from any route is approximate', () => {
    const moto = its.find((i) => i.legs.length === 1 && i.legs[0]!.mode === 'moto')!.legs[0]!;
    expect(moto.approximate).toBeUndefined();
    expect(moto.geometry.coordinates.length).toBeGreaterThan(20);
    expect(moto.geometry.coordinates[0]).toEqual([PLACES.nyabugogo.lon, PLACES.nyabugogo.lat]);
    expect(moto.geometry.coordinates.at(-1)).toEqual([PLACES.kimironko.lon, PLACES.kimironko.lat]);

    // Two points in Gahanga's fields, over a kilometre from any route: no road shape fits.
    const far = { lat: -2.045, lon: 30.11 };
    const farther = { lat: -2.06, lon: 30.125 };
    const ride = planTrip(net, { from: far, to: farther, departAt: at }).find((i) =>
      i.legs.every((l) => l.mode === 'moto'),
    )!.legs[0]!;
    expect(ride.approximate).toBe(true);
    expect(ride.geometry.coordinates).toEqual([
      [far.lon, far.lat],
      [farther.lon, farther.lat],
    ]);
  });

  it('walk legs are straight lines from one end to the other', () => {
    const walk = planTrip(net, {
      from: PLACES.downtown,
      to: { lat: -1.9452, lon: 30.0605 },
      departAt: at,
      moto: false,
    }).find((i) => i.legs.length === 1 && i.legs[0]!.mode === 'walk')!.legs[0]!;
    expect(walk.geometry.coordinates).toEqual([
      [walk.from.lon, walk.from.lat],
      [walk.to.lon, walk.to.lat],
    ]);
    expect(walk.approximate).toBeUndefined();
  });
});

describe('placeInOrder', () => {
  it('puts stops on the right pass of a line that goes out and back along one road', () => {
    // East along a road, up a 550 m spur and back, then west 10 m south of the way out.
    const points = [
      { lat: -1.95, lon: 30.06 },
      { lat: -1.95, lon: 30.07 },
      { lat: -1.945, lon: 30.07 },
      { lat: -1.95009, lon: 30.07 },
      { lat: -1.95009, lon: 30.06 },
    ].map((p, i) => ({ ...p, sequence: i }));
    const shape = decodeShape(encodeShape({ id: 'spur', points }, 1));
    const out = { lat: -1.95002, lon: 30.064 };
    const top = { lat: -1.945, lon: 30.07 };
    // On the way back, but nearer the way out (2 m) than the way back (8 m).
    const back = { lat: -1.95002, lon: 30.066 };
    expect(placeInOrder(shape, [back])[0]!.seg).toBe(0);
    const ordered = placeInOrder(shape, [out, top, back]);
    expect(ordered[0]!.seg).toBe(0);
    expect(ordered[2]!.seg).toBe(3);
    expect(ordered[2]!.metres).toBeCloseTo(7.8, 0);
  });
});

import { readFileSync } from 'node:fs';
import { loadBundle, planTrip, type Timetable } from '@kigaligo/planner';
import { describe, expect, it } from 'vitest';
import { bounds, itineraryShapes } from './itinerary-shapes';
import { networkShapes } from './network-geojson';

const text = readFileSync(new URL('../../../../public/network/kigali.bundle.json', import.meta.url), 'utf8');
const tt = JSON.parse(text) as Timetable;

describe('map shapes', () => {
  it('draws every route of the bundle as a line and every stop as a point', () => {
    const { routes, stops } = networkShapes(tt);
    const drawn = new Set(routes.features.map((f) => f.properties.route));
    expect(drawn.size).toBe(tt.routes.length);
    expect(stops.features).toHaveLength(tt.stops.length);
    expect(routes.features.every((f) => f.geometry.coordinates.length >= 2)).toBe(true);
  });

  it('draws an itinerary leg by leg, bus legs through the stops ridden', () => {
    const [it0] = planTrip(loadBundle(tt), {
      from: { lat: -1.940645, lon: 30.044477 },
      to: { lat: -1.949596, lon: 30.12557 },
      departAt: '2026-11-25T08:00:00+02:00',
      moto: false,
    });
    expect(it0).toBeDefined();
    if (!it0) return;
    const shapes = itineraryShapes(it0);
    expect(shapes.features).toHaveLength(it0.legs.length);
    const bus = shapes.features.find((f) => f.properties.mode === 'transit');
    expect(bus?.geometry.coordinates.length).toBeGreaterThan(2);
    const [[w, s], [e, n]] = bounds(it0);
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
  });
});

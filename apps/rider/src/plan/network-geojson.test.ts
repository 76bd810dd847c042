import { readFileSync } from 'node:fs';
import { loadBundle, planTrip, type Timetable } from '@kigaligo/planner';
import { describe, expect, it } from 'vitest';
import { distance } from './format';
import { bounds, itineraryShapes, legLabels, legStyle } from './itinerary-shapes';
import { networkShapes } from './network-geojson';

const text = readFileSync(new URL('../../../../public/network/kigali.bundle.json', import.meta.url), 'utf8');
const tt = JSON.parse(text) as Timetable;

describe('map shapes', () => {
  it('draws every route of the bundle along its road shape, and every stop as a point', () => {
    const { routes, stops } = networkShapes(tt);
    const drawn = new Set(routes.features.map((f) => f.properties.route));
    expect(drawn.size).toBe(tt.routes.length);
    expect(stops.features).toHaveLength(tt.stops.length);
    // Each line has the points of its shape, many more than its stops.
    for (const f of routes.features) {
      const tpl = tt.templates.find((t) => tt.routes[t.route]!.shortName === f.properties.route)!;
      expect(f.geometry.coordinates.length).toBeGreaterThan(tpl.stops.length);
    }
  });

  it('without shapes in the bundle, draws the lines through the stops', () => {
    const { shapes: _, ...plain } = tt;
    const { routes } = networkShapes({ ...plain, templates: tt.templates.map(({ shape: __, ...t }) => t) });
    // The first line is the first template's route direction (one template each in the Kigali feed).
    const tpl = tt.templates[0]!;
    expect(routes.features[0]!.geometry.coordinates).toEqual(
      tpl.stops.map((i) => [tt.stops[i]!.lon, tt.stops[i]!.lat]),
    );
  });

  it('draws an itinerary leg by leg from each leg’s geometry, labelling walks with their distance', () => {
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
    expect(shapes.features.map((f) => f.geometry.coordinates)).toEqual(
      it0.legs.map((l) => l.geometry.coordinates),
    );
    const bus = shapes.features.find((f) => f.properties.mode === 'transit');
    expect(bus?.geometry.coordinates.length).toBeGreaterThan(20);
    const walks = it0.legs.filter((l) => l.mode === 'walk');
    expect(legLabels(it0).map((l) => l.text)).toEqual(walks.map((l) => distance(l.distanceMeters)));
    const [[w, s], [e, n]] = bounds(it0);
    expect(w).toBeLessThan(e);
    expect(s).toBeLessThan(n);
  });

  it('an approximate moto leg is drawn differently and labelled with its distance', () => {
    const far = { lat: -2.045, lon: 30.11 };
    const farther = { lat: -2.06, lon: 30.125 };
    const it = planTrip(loadBundle(tt), {
      from: far,
      to: farther,
      departAt: '2026-11-25T08:00:00+02:00',
    }).find((i) => i.legs.length === 1 && i.legs[0]!.mode === 'moto')!;
    expect(legStyle(it.legs[0]!)).toBe('moto-approximate');
    expect(itineraryShapes(it).features[0]!.properties.mode).toBe('moto-approximate');
    expect(legLabels(it)[0]!.text).toBe(`≈ ${distance(it.legs[0]!.distanceMeters)}`);
  });
});

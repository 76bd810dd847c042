import { readFileSync } from 'node:fs';
import { haversine, loadBundle } from '@kigaligo/planner';
import { describe, expect, it } from 'vitest';
import { RoadGraph } from './road-graph';

const network = loadBundle(
  readFileSync(new URL('../../../public/network/kigali.bundle.json', import.meta.url), 'utf8'),
);
const graph = new RoadGraph(network.shapes);

const downtown = { lat: -1.943838, lon: 30.056937 };
const kimironko = { lat: -1.949596, lon: 30.12557 };

const length = (path: { lat: number; lon: number }[]) =>
  path.slice(1).reduce((m, p, i) => m + haversine(path[i]!.lat, path[i]!.lon, p.lat, p.lon), 0);

describe('road graph from the network shapes', () => {
  it('routes between terminals along the roads: longer than the straight line, not absurdly so', () => {
    const path = graph.route(downtown, kimironko);
    const straight = haversine(downtown.lat, downtown.lon, kimironko.lat, kimironko.lon);
    expect(path.length).toBeGreaterThan(20);
    expect(path[0]).toEqual(downtown);
    expect(path.at(-1)).toEqual(kimironko);
    expect(length(path)).toBeGreaterThan(straight);
    expect(length(path)).toBeLessThan(straight * 2);
  });

  it('never jumps: consecutive points are at most a junction apart, except the straight ends', () => {
    const path = graph.route(downtown, kimironko);
    for (let i = 2; i < path.length - 1; i++) {
      const a = path[i - 1]!;
      const b = path[i]!;
      // Simplified shapes keep long straight segments; a jump across town would be kilometres.
      expect(haversine(a.lat, a.lon, b.lat, b.lon)).toBeLessThan(1500);
    }
  });

  it('snaps a position to the road network', () => {
    const p = graph.snap({ lat: -1.95, lon: 30.07 });
    expect(haversine(p.lat, p.lon, -1.95, 30.07)).toBeLessThan(1500);
  });

  it('without shapes a route is the straight line', () => {
    expect(new RoadGraph([]).route(downtown, kimironko)).toEqual([downtown, kimironko]);
  });
});

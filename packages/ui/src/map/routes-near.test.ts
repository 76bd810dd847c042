import { describe, expect, it } from 'vitest';
import type { RouteLines } from './map-data';
import { routesNear } from './routes-near';

const line = (name: string, coordinates: number[][]): RouteLines['features'][number] => ({
  type: 'Feature',
  properties: { name, line: name, color: '#000' },
  geometry: { type: 'LineString', coordinates },
});

describe('routesNear', () => {
  const lines: RouteLines = {
    type: 'FeatureCollection',
    features: [
      line('far', [
        [30.2, -1.9],
        [30.21, -1.9],
      ]),
      line('407', [
        [30.05, -1.95],
        [30.07, -1.95],
      ]),
      line('407', [
        [30.06, -1.94],
        [30.06, -1.9501],
      ]),
      line('302', [
        [30.06, -1.9496],
        [30.06, -1.96],
      ]),
    ],
  };

  it('lists each line within reach of the vehicle once, nearest first', () => {
    // On 407's segment, ~40 m from 302's end.
    expect(routesNear(lines, 30.06 + 0.0003, -1.95)).toEqual(['407', '302']);
    expect(routesNear(lines, 30.1, -1.99)).toEqual([]);
  });
});

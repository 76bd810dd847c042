import { describe, expect, it } from 'vitest';
import { type BundleLike, routeDirections } from './network-routes';

const stops = [
  { name: 'A', lat: -1.95, lon: 30.06 },
  { name: 'B', lat: -1.94, lon: 30.1 },
];

describe('routeDirections', () => {
  it('lists each route and headsign once, in line order, and leaves out routes without an id', () => {
    const bundle: BundleLike = {
      stops,
      routes: [
        { id: 'r10', shortName: '10', color: 'aa0000' },
        { id: 'r9', shortName: '9' },
        { shortName: 'no id' },
      ],
      templates: [
        { route: 0, headsign: 'B', stops: [0, 1] },
        { route: 0, headsign: 'A', stops: [1, 0] },
        { route: 0, headsign: 'B', stops: [0, 1] },
        { route: 1, headsign: 'B', stops: [0, 1] },
        { route: 2, headsign: 'B', stops: [0, 1] },
      ],
    };
    expect(routeDirections(bundle)).toEqual([
      { routeId: 'r9', line: '9', headsign: 'B', color: '#0b6e4f' },
      { routeId: 'r10', line: '10', headsign: 'A', color: '#aa0000' },
      { routeId: 'r10', line: '10', headsign: 'B', color: '#aa0000' },
    ]);
  });
});

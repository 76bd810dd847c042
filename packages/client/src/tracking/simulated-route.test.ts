import { describe, expect, it } from 'vitest';
import { distance, kigaliDemoStops, loopRoute, nearestAlong, pointAlong } from './simulated-route';

describe('simulated route', () => {
  const route = loopRoute(kigaliDemoStops);

  it('goes there and back, so the drive never runs off the end', () => {
    const total = route.at(-1)!.at;
    expect(total).toBeGreaterThan(20_000);
    expect(pointAlong(route, 0)).toMatchObject(kigaliDemoStops[0]!);
    const back = pointAlong(route, total + 10);
    expect(distance(back, pointAlong(route, 10))).toBeLessThan(1);
  });

  it('moves 8 m per second of driving, well under the server’s 50 m/s jump limit', () => {
    for (let m = 0; m < 30_000; m += 97) {
      expect(distance(pointAlong(route, m), pointAlong(route, m + 8))).toBeLessThan(8.5);
    }
  });

  it('resumes next to the last recorded fix instead of back at the start', () => {
    const last = pointAlong(route, 3456);
    expect(Math.abs(nearestAlong(route, last) - 3456)).toBeLessThan(5);
  });
});

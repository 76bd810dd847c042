import { join } from 'node:path';
import { readFeed } from '@kigaligo/gtfs/node';
import { describe, expect, it } from 'vitest';
import { decodeShape, encodeShape, SHAPE_TOLERANCE_METRES, segmentDistance } from './shape-line';

const feed = readFeed(join(import.meta.dirname, '../../../public/network/kigali-gtfs'));

describe('bundle shapes', () => {
  it('keeps every point of every shipped shape within the tolerance (+ 1e-5° rounding) of the simplified line', () => {
    let kept = 0;
    let all = 0;
    for (const shape of feed.shapes) {
      const line = decodeShape(encodeShape(shape));
      kept += line.lon.length;
      all += shape.points.length;
      expect([line.lon[0], line.lat[0]]).toEqual([
        Math.round(shape.points[0]!.lon * 1e5) / 1e5,
        Math.round(shape.points[0]!.lat * 1e5) / 1e5,
      ]);
      for (const p of shape.points) {
        const [px, py] = [p.lon * line.kx, p.lat * line.ky];
        let nearest = Number.POSITIVE_INFINITY;
        for (let i = 0; i + 1 < line.x.length; i++) {
          const d = segmentDistance(px, py, line.x[i]!, line.y[i]!, line.x[i + 1]!, line.y[i + 1]!);
          nearest = Math.min(nearest, d);
        }
        expect(nearest).toBeLessThanOrEqual(SHAPE_TOLERANCE_METRES + 1);
      }
    }
    // Most points are dropped: roads are straight between bends.
    expect(kept / all).toBeLessThan(0.5);
  });

  it('a bigger tolerance keeps fewer points; a straight line keeps its two ends', () => {
    const shape = feed.shapes[0]!;
    expect(encodeShape(shape, 10).length).toBeLessThan(encodeShape(shape, 2).length);
    const straight = {
      id: 's',
      points: [0, 1, 2, 3].map((i) => ({ lat: -1.95, lon: 30.06 + i * 0.001, sequence: i })),
    };
    expect(encodeShape(straight)).toEqual([3006000, -195000, 300, 0]);
    const line = decodeShape(encodeShape(straight));
    expect(Array.from(line.lon)).toEqual([30.06, 30.063]);
    expect(line.along[1]).toBeCloseTo(333.8, 0);
  });
});

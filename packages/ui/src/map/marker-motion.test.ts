import { describe, expect, it } from 'vitest';
import { MAX_GLIDE_MS, MarkerMotion } from './marker-motion';

describe('MarkerMotion', () => {
  it('glides from the drawn position to a new fix over the time between fixes', () => {
    const m = new MarkerMotion({ lon: 30, lat: -1.9 }, 0);
    m.setTarget({ lon: 30.001, lat: -1.9 }, 1000, 10_000);
    expect(m.at(10_000).lon).toBeCloseTo(30);
    expect(m.at(10_500).lon).toBeCloseTo(30.0005);
    expect(m.moving(10_500)).toBe(true);
    expect(m.at(11_000).lon).toBeCloseTo(30.001);
    expect(m.moving(11_001)).toBe(false);
  });

  it('starts the next glide where the marker is, not where the last fix was', () => {
    const m = new MarkerMotion({ lon: 30, lat: -1.9 }, 0);
    m.setTarget({ lon: 30.002, lat: -1.9 }, 2000, 0);
    m.setTarget({ lon: 30.002, lat: -1.901 }, 3000, 1000);
    expect(m.at(1000).lon).toBeCloseTo(30.001, 9);
    expect(m.at(1000).lat).toBeCloseTo(-1.9, 9);
  });

  it('ignores an older fix and caps long gaps', () => {
    const m = new MarkerMotion({ lon: 30, lat: -1.9 }, 5000);
    m.setTarget({ lon: 31, lat: -1.9 }, 4000, 0);
    expect(m.at(10).lon).toBe(30);
    m.setTarget({ lon: 30.01, lat: -1.9 }, 3_600_000, 0);
    expect(m.moving(MAX_GLIDE_MS)).toBe(false);
  });
});

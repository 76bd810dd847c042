import { describe, expect, it } from 'vitest';
import { departureClock } from './route-picker';

describe('departureClock', () => {
  it('shows a GTFS start time on the clock, after midnight too', () => {
    expect(departureClock('06:00:00')).toBe('06:00');
    expect(departureClock('25:10:00')).toBe('01:10');
  });
});

import { describe, expect, it } from 'vitest';
import { formatGtfsTime, isGtfsDate, parseGtfsTime } from './time';

describe('GTFS times and dates', () => {
  it('reads times past midnight as more than 24 h', () => {
    expect(parseGtfsTime('25:10:00')).toBe(25 * 3600 + 600);
    expect(parseGtfsTime('5:00:00')).toBe(5 * 3600);
    expect(formatGtfsTime(25 * 3600 + 601)).toBe('25:10:01');
  });

  it('refuses malformed times', () => {
    for (const s of ['8:60:00', '08:00', 'noon', '08:00:61', '-1:00:00']) expect(parseGtfsTime(s)).toBeNull();
  });

  it('accepts only real dates', () => {
    expect(isGtfsDate('20260228')).toBe(true);
    expect(isGtfsDate('20260229')).toBe(false);
    expect(isGtfsDate('2026-02-01')).toBe(false);
  });
});

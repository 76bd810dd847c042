import { describe, expect, it } from 'vitest';
import { clock, distance, formatRwf, stopName } from './format';
import { networkNow, networkWallTime } from './time-choice';

describe('planner formatting', () => {
  it('writes fares as whole RWF with thousands separators', () => {
    expect(formatRwf({ amount: 504 })).toBe('RWF 504');
    expect(formatRwf({ amount: 1545 })).toBe('RWF 1,545');
  });

  it('reads Kigali wall-clock time straight from the planner’s +02:00 times', () => {
    expect(clock('2026-11-25T08:05:00+02:00')).toBe('08:05');
  });

  it('rounds walking distances the way they are read out', () => {
    expect(distance(347)).toBe('350 m');
    expect(distance(1260)).toBe('1.3 km');
  });

  it('passes a datetime-local value on as wall time for the network’s zone, whatever the phone’s zone', () => {
    expect(networkWallTime('2026-11-25T08:00')).toBe('2026-11-25T08:00:00');
    expect(networkNow('Africa/Kigali')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(networkNow('Africa/Kigali')).toBe(new Date(Date.now() + 2 * 3600_000).toISOString().slice(0, 16));
  });
});

describe('stopName', () => {
  it('title-cases stop names the feed writes in capitals and leaves the rest', () => {
    expect(stopName('KUMURENGE REMERE')).toBe('Kumurenge Remere');
    expect(stopName('Kacyiru bus terminal')).toBe('Kacyiru bus terminal');
  });
});

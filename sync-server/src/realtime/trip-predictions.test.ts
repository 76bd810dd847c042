import { parseFeed } from '@kigaligo/gtfs';
import { berlinFeed } from '@kigaligo/gtfs/testing';
import { buildBundle, loadBundle, serviceDayOrigin } from '@kigaligo/planner';
import { describe, expect, it } from 'vitest';
import { clockTime, findScheduledTrip, tripDescriptor } from './scheduled-trip';
import { tripProgress } from './trip-predictions';

/**
 * The Berlin test feed (Europe/Berlin; 2026-03-29 and 2026-10-25 change the clocks): A (52.5, 13.4) → B
 * (52.545, 13.4). The oracle's own clock: a service day's origin is local noon minus 12 h, written out in UTC.
 */
const network = loadBundle(buildBundle(parseFeed(berlinFeed())));
const ORIGIN = {
  // Spring forward: noon is CEST (UTC+2) → origin 2026-03-28T22:00Z (23:00 CET, the evening before).
  '20260329': Date.UTC(2026, 2, 28, 22),
  // Fall back: noon is CET (UTC+1) → origin 2026-10-24T23:00Z (01:00 CEST that night).
  '20261025': Date.UTC(2026, 9, 24, 23),
} as const;
const midway = { lat: 52.5225, lon: 13.4 };

describe('live predictions on the days the clocks change', () => {
  for (const [date, origin] of Object.entries(ORIGIN)) {
    it(`${date}: the subway at 02:30, two minutes late halfway, reaches B at 02:45 + 2 min service time`, () => {
      // U1-2 runs 02:30 → 02:45 service time: 2.5 h and 2.75 h after the origin, whatever the wall clock says.
      const run = findScheduledTrip(network, { tripId: 'U1-2', startDate: date, startTime: '02:30:00' });
      expect(run).toBeDefined();
      expect(serviceDayOrigin(date, 'Europe/Berlin')).toBe(origin);
      const at = origin + (2.5 * 3600 + 7.5 * 60 + 120) * 1000;
      const progress = tripProgress(network, run!, origin, { ...midway, at }, at);
      expect(progress.delay).toBe(120);
      expect(progress.coming).toHaveLength(1);
      expect(progress.coming[0]).toMatchObject({
        stopId: 'B',
        scheduled: origin / 1000 + 2.75 * 3600,
        predicted: origin / 1000 + 2.75 * 3600 + 120,
      });
      expect(tripDescriptor(network, run!, date)).toEqual({
        tripId: 'U1-2',
        routeId: 'U1',
        directionId: 0,
        startTime: '02:30:00',
        startDate: date,
      });
    });
  }

  it('a frequency-based trip is told apart by its start time, past 24:00 too', () => {
    for (const start of ['00:00:00', '02:00:00', '25:00:00']) {
      const run = findScheduledTrip(network, { tripId: 'M1-F', startDate: '20260329', startTime: start });
      expect(run).toBeDefined();
      expect(tripDescriptor(network, run!, '20260329').startTime).toBe(start);
    }
    expect(findScheduledTrip(network, { tripId: 'M1-F', startDate: '20260329', startTime: '02:30:00' })).toBe(
      undefined,
    );
    expect(clockTime(25 * 3600 + 61)).toBe('25:01:01');
  });

  it('never predicts an arrival before now, and a bus ahead of time is predicted early', () => {
    const origin = ORIGIN['20260329'];
    const run = findScheduledTrip(network, { tripId: 'U1-2', startDate: '20260329', startTime: '02:30:00' })!;
    // Halfway three minutes early.
    const early = origin + (2.5 * 3600 + 7.5 * 60 - 180) * 1000;
    const ahead = tripProgress(network, run, origin, { ...midway, at: early }, early);
    expect(ahead.delay).toBe(-180);
    expect(ahead.coming[0]!.predicted).toBe(origin / 1000 + 2.75 * 3600 - 180);
    // The same fix read long after (a consumer asking late): the prediction is not in the past.
    const later = early + 3600_000;
    expect(tripProgress(network, run, origin, { ...midway, at: early }, later).coming[0]!.predicted).toBe(
      Math.floor(later / 1000),
    );
  });
});

import { readFileSync } from 'node:fs';
import { loadBundle } from '@kigaligo/planner';
import { describe, expect, it } from 'vitest';
import { runStart } from '../demo/bus-runs';
import { hasRouteDirection, runningTrip, runStartingAt } from './route-run';
import { clockTime } from './scheduled-trip';

const network = loadBundle(
  readFileSync(new URL('../../../public/network/kigali.bundle.json', import.meta.url), 'utf8'),
);
const HEADSIGN = 'Nyabugogo bus terminal';
// Kigali is UTC+2 all year. Route 407 towards Nyabugogo on weekdays (frequencies.txt): every 30 min from
// 05:00, every 20 min from 06:00.
const at = (kigaliTime: string) => new Date(`2026-12-02T${kigaliTime}+02:00`); // a Wednesday

describe('the scheduled trip a bus starting a run is matched to', () => {
  it('is the departure nearest the start, early or late, named as GTFS names it', () => {
    const late = runStartingAt(network, '407', HEADSIGN, at('06:07:00'));
    const early = runStartingAt(network, '407', HEADSIGN, at('06:16:00'));
    expect(late?.startDate).toBe('20261202');
    const named = (r: typeof late) =>
      r &&
      runningTrip(network, {
        tripId: network.patterns[r.run.pattern]!.tripIds[r.run.trip]!,
        startDate: r.startDate,
        startTime: clockTime(runStart(network, r.run)),
      });
    expect(named(late)).toEqual({
      routeId: '407',
      routeShortName: '407',
      headsign: HEADSIGN,
      tripId: '407-0-WD',
      startDate: '20261202',
      startTime: '06:00:00',
    });
    expect(named(early)?.startTime).toBe('06:20:00');
  });

  it('is none long before the first departure, and none for a service that does not run that day', () => {
    expect(runStartingAt(network, '407', HEADSIGN, at('04:20:00'))).toBeUndefined();
    expect(runStartingAt(network, '407', HEADSIGN, at('04:35:00'))).toBeDefined();
    // Saturdays run the WE service: a trip is found, but it is not the weekday one.
    const saturday = runStartingAt(network, '407', HEADSIGN, new Date('2026-12-05T08:00:00+02:00'));
    expect(network.patterns[saturday!.run.pattern]!.tripIds[saturday!.run.trip]).toBe('407-0-WE');
  });

  it('knows which routes and directions exist', () => {
    expect(hasRouteDirection(network, '407', HEADSIGN)).toBe(true);
    expect(hasRouteDirection(network, '407', 'Nowhere')).toBe(false);
    expect(hasRouteDirection(network, 'no-such-route', HEADSIGN)).toBe(false);
    expect(runStartingAt(network, 'no-such-route', HEADSIGN, at('07:00:00'))).toBeUndefined();
  });
});

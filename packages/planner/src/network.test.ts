import { describe, expect, it } from 'vitest';
import { buildNetwork } from './network';
import { activeServices } from './services';
import type { Timetable } from './timetable';
import { addDays, serviceTimeIso, toServiceTime, weekdayMon0 } from './zone-time';

/** Three stops in a row ~300 m apart, one route; trips given as [service, first departure, run-time scale]. */
function line(trips: [number, number, number][], transfers: Timetable['transfers'] = []): Timetable {
  return {
    version: 2,
    timezone: 'Africa/Kigali',
    stops: [0, 1, 2].map((i) => ({ id: `s${i}`, name: `S${i}`, lat: -1.95, lon: 30.06 + i * 0.0027 })),
    routes: [{ id: 'r', shortName: '1', longName: 'One', type: 3 }],
    services: [
      { id: 'WD', days: 0b0011111, start: '20260101', end: '20261231', added: [], removed: ['20260407'] },
      { id: 'WE', days: 0b1100000, start: '20260101', end: '20261231', added: ['20260407'], removed: [] },
    ],
    templates: [1, 0.5].map((k) => ({
      route: 0,
      headsign: 'S2',
      stops: [0, 1, 2],
      arr: [0, 600 * k, 1200 * k],
      dep: [0, 600 * k, 1200 * k],
      dist: [0, 300, 600],
    })),
    departures: trips.map(([svc, t0, scale]) => [scale === 1 ? 0 : 1, svc, t0]),
    departureTrips: trips.map((_, i) => `T${i}`),
    frequencies: [],
    frequencyTrips: [],
    transfers,
  };
}

describe('buildNetwork', () => {
  it('expands frequencies: a departure every headway from start while before end', () => {
    const tt = line([]);
    tt.frequencies.push([0, 0, 6 * 3600, 7 * 3600, 600]);
    tt.frequencyTrips.push('F');
    const net = buildNetwork(tt);
    expect(net.patterns).toHaveLength(1);
    expect(net.patterns[0]!.tripCount).toBe(6);
  });

  it('splits trips that overtake into separate patterns, so each pattern is FIFO', () => {
    // A slow trip at 08:00 and an express at 08:05 that arrives first.
    const net = buildNetwork(
      line([
        [0, 8 * 3600, 1],
        [0, 8 * 3600 + 300, 0.5],
        [0, 9 * 3600, 1],
      ]),
    );
    expect(net.patterns).toHaveLength(2);
    for (const p of net.patterns) {
      const n = p.stops.length;
      for (let t = 1; t < p.tripCount; t++)
        for (let i = 0; i < n; i++) expect(p.arr[t * n + i]).toBeGreaterThanOrEqual(p.arr[(t - 1) * n + i]!);
    }
  });

  it('honours transfers.txt: change time at a stop, a forbidden change, a long transfer between stops', () => {
    const net = buildNetwork(
      line(
        [],
        [
          [1, 1, 300],
          [2, 2, -1],
          [0, 2, 900],
          [1, 0, -1],
        ],
      ),
      { minChangeSecs: 60 },
    );
    expect(Array.from(net.changeSecs)).toEqual([60, 300, 1e9]);
    const fp = net.footpaths;
    const links = (s: number) => Array.from(fp.to.subarray(fp.start[s]!, fp.start[s + 1]!));
    const secs = (s: number) => Array.from(fp.secs.subarray(fp.start[s]!, fp.start[s + 1]!));
    expect(links(0)).toEqual([1, 2]); // 0→2 is ~600 m, beyond the radius, but transfers.txt lists it
    expect(secs(0)[1]).toBe(900);
    expect(links(1)).toEqual([2]); // 1→0 forbidden
  });
});

describe('service calendars and Kigali time', () => {
  it('weekday and weekend services, with a holiday swapped to the weekend service', () => {
    const tt = line([]);
    expect(Array.from(activeServices(tt, '20261124'))).toEqual([1, 0]); // Tuesday
    expect(Array.from(activeServices(tt, '20261128'))).toEqual([0, 1]); // Saturday
    expect(Array.from(activeServices(tt, '20260407'))).toEqual([0, 1]); // Memorial Day, a Tuesday
    expect(Array.from(activeServices(tt, '20270105'))).toEqual([0, 0]); // outside the calendar
  });

  it('Kigali is UTC+2 all year', () => {
    const tz = 'Africa/Kigali';
    expect(toServiceTime('2026-11-24T06:00:00Z', tz)).toEqual({ date: '20261124', secs: 8 * 3600 });
    expect(toServiceTime('2026-06-30T23:30:00Z', tz)).toEqual({ date: '20260701', secs: 5400 });
    expect(serviceTimeIso({ date: '20261124', secs: 25 * 3600 }, tz)).toBe('2026-11-25T01:00:00+02:00');
    expect(addDays('20261231', 1)).toBe('20270101');
    expect(weekdayMon0('20261124')).toBe(1);
  });
});

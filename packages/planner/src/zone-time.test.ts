import { parseFeed } from '@kigaligo/gtfs';
import { berlinFeed } from '@kigaligo/gtfs/testing';
import { describe, expect, it } from 'vitest';
import { buildBundle, loadBundle } from './bundle';
import { isTransitMode } from './itinerary';
import { planTrip } from './plan';
import {
  instantMs,
  serviceDayOrigin,
  serviceTimeIso,
  toServiceTime,
  toZonedIso,
  zonedWallTime,
  zoneOffsetMs,
} from './zone-time';

// Oracle for Europe/Berlin written from the EU rule, not from Intl: summer time (UTC+2) from the last Sunday of
// March 01:00 UTC to the last Sunday of October 01:00 UTC, UTC+1 otherwise.
const lastSunday = (y: number, month0: number) => {
  const last = new Date(Date.UTC(y, month0 + 1, 0));
  return Date.UTC(y, month0, last.getUTCDate() - last.getUTCDay(), 1);
};
const berlinOffsetH = (ms: number) => {
  const y = new Date(ms).getUTCFullYear();
  return ms >= lastSunday(y, 2) && ms < lastSunday(y, 9) ? 2 : 1;
};
/** Noon minus 12 h of a date in Berlin: noon is never near a change, so its offset is the day's. */
const originOf = (date: string) => {
  const noonUtc = Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8), 12);
  return noonUtc - berlinOffsetH(noonUtc) * 3600_000 - 12 * 3600_000;
};
const isoOf = (ms: number) => {
  const h = berlinOffsetH(ms);
  return `${new Date(ms + h * 3600_000).toISOString().slice(0, 19)}+0${h}:00`;
};
const addDay = (date: string, d: number) => {
  const ms = Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8) + d);
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '');
};

const tz = 'Europe/Berlin';

describe('service time in a zone with daylight saving (GTFS: noon minus 12 h)', () => {
  it('service-day origins on both change days and an ordinary day match the EU rule', () => {
    for (const date of ['20260328', '20260329', '20260330', '20261024', '20261025', '20261026', '20260615'])
      expect(serviceDayOrigin(date, tz)).toBe(originOf(date));
    // On the spring day the origin is 23:00 of the day before, in the autumn 01:00 of the day itself.
    expect(toZonedIso(serviceDayOrigin('20260329', tz), tz)).toBe('2026-03-28T23:00:00+01:00');
    expect(toZonedIso(serviceDayOrigin('20261025', tz), tz)).toBe('2026-10-25T01:00:00+02:00');
  });

  it('an instant maps to its service day and back, every 10 minutes across both change days', () => {
    for (const day of ['2026-03-28T20:00:00Z', '2026-10-24T20:00:00Z']) {
      for (let k = 0; k < 6 * 12; k++) {
        const ms = Date.parse(day) + k * 600_000;
        const st = toServiceTime(ms, tz);
        expect(originOf(st.date) + st.secs * 1000).toBe(ms);
        expect(st.secs).toBeGreaterThanOrEqual(0);
        expect(serviceTimeIso(st, tz)).toBe(isoOf(ms));
      }
    }
    // 00:30 local on the autumn day comes before that day's origin: it is 24:30 of the day before.
    expect(toServiceTime('2026-10-24T22:30:00Z', tz)).toEqual({ date: '20261024', secs: 24.5 * 3600 });
  });
});

describe('planning a Berlin feed (extended route types, frequencies, calendar exceptions)', () => {
  const feed = berlinFeed();
  const net = loadBundle(buildBundle(parseFeed(feed)));
  // The oracle's own reading of the feed's timetable.
  const subwayTimes = [0.5, 1.5, 2.5, 3.5, 22.5, 24.5, 25.5];
  const subwayRuns = (date: string) => {
    if (date === '20260329') return true;
    if (date === '20261024') return false;
    return new Date(`${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}T12:00:00Z`).getUTCDay() !== 0;
  };
  const departures = (date: string) => [
    ...Array.from({ length: 30 }, (_, h) => ({ mode: 'tram', dep: originOf(date) + h * 3600_000, run: 10 })),
    ...(subwayRuns(date)
      ? subwayTimes.map((h) => ({ mode: 'subway', dep: originOf(date) + h * 3600_000, run: 15 }))
      : []),
  ];
  const best = (ms: number, date: string) =>
    [-1, 0, 1]
      .flatMap((d) => departures(addDay(date, d)))
      .filter((x) => x.dep >= ms)
      .sort((a, b) => a.dep + a.run * 60_000 - (b.dep + b.run * 60_000))[0]!;

  it('each plan rides the earliest-arriving departure, at the right instant and offset', () => {
    const starts = ['2026-03-28T21:05:00Z', '2026-10-24T21:05:00Z', '2026-06-14T21:05:00Z'];
    let checked = 0;
    for (const start of starts) {
      for (let k = 0; k < 24; k++) {
        const ms = Date.parse(start) + k * 20 * 60_000;
        const date = addDay(start.slice(0, 10).replaceAll('-', ''), 1);
        const its = planTrip(net, {
          from: { lat: 52.5, lon: 13.4 },
          to: { lat: 52.545, lon: 13.4 },
          departAt: new Date(ms).toISOString(),
          moto: false,
        });
        const ride = its[0]!.legs.find((l) => isTransitMode(l.mode))!;
        const want = best(ms, date);
        expect({ at: new Date(ms).toISOString(), mode: ride.mode, departAt: ride.departAt }).toEqual({
          at: new Date(ms).toISOString(),
          mode: want.mode,
          departAt: isoOf(want.dep),
        });
        expect(ride.arriveAt).toBe(isoOf(want.dep + want.run * 60_000));
        checked++;
      }
    }
    expect(checked).toBe(72);
  });

  it('arrive-by finds the latest departure that arrives in time across the spring change', () => {
    // Arrive by 03:20 CEST on 29 March. Service times run from 23:00 CET the evening before, so the subway's
    // 03:30:00 is 03:30 CEST (too late) and the tram's 03:00:00 is 03:00 CEST, arriving 03:10.
    const its = planTrip(net, {
      from: { lat: 52.5, lon: 13.4 },
      to: { lat: 52.545, lon: 13.4 },
      arriveBy: '2026-03-29T03:20:00+02:00',
      moto: false,
    });
    const ride = its[0]!.legs.find((l) => isTransitMode(l.mode))!;
    expect(Date.parse(ride.arriveAt)).toBeLessThanOrEqual(Date.parse('2026-03-29T03:20:00+02:00'));
    expect(ride.departAt).toBe('2026-03-29T03:00:00+02:00');
  });
});

describe('wall-clock times read in the feed zone', () => {
  it('reads a datetime-local value in the zone, also on both change days', () => {
    expect(new Date(instantMs('2026-06-14T08:30', tz)).toISOString()).toBe('2026-06-14T06:30:00.000Z');
    expect(new Date(instantMs('2026-03-29T01:30', tz)).toISOString()).toBe('2026-03-29T00:30:00.000Z');
    // 02:30 does not exist that night: it is read as 03:30 summer time.
    expect(new Date(instantMs('2026-03-29T02:30', tz)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    // 02:30 happens twice in October: the first (summer time) is meant.
    expect(new Date(instantMs('2026-10-25T02:30', tz)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(instantMs('2026-10-25T02:30:00+01:00', tz)).toBe(Date.parse('2026-10-25T01:30:00Z'));
    expect(zonedWallTime(Date.parse('2026-10-25T01:30:00Z'), tz)).toBe('2026-10-25T02:30');
  });
});

describe('zone offsets, read once per quarter hour', () => {
  it('change exactly at a half-hour change of UTC (St John’s, UTC−3:30/−2:30), minute by minute', () => {
    // Newfoundland springs forward at 02:00 local standard time on 8 March 2026 = 05:30 UTC.
    const change = Date.parse('2026-03-08T05:30:00Z');
    for (let ms = change - 3600_000; ms <= change + 3600_000; ms += 60_000 + 7) {
      expect(zoneOffsetMs(ms, 'America/St_Johns')).toBe((ms < change ? -3.5 : -2.5) * 3600_000);
    }
  });
});

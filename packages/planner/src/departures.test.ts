import { parseFeed } from '@kigaligo/gtfs';
import { berlinFeed } from '@kigaligo/gtfs/testing';
import { describe, expect, it } from 'vitest';
import { buildBundle, loadBundle } from './bundle';
import { nextScheduledDepartures, stopIndexOf } from './departures';

// The Berlin test feed (see its comment): a tram M1 every hour 00:00–29:00 on every day, a subway U1 at listed
// times Monday–Saturday, added on Sunday 2026-03-29 (the day clocks go forward) and removed on Saturday
// 2026-10-24. The expected times below are worked out by hand from GTFS's rules: a service day's times count
// from its noon minus 12 h, and times past 24:00 belong to the service day before.
const net = loadBundle(buildBundle(parseFeed(berlinFeed())));
const stopA = stopIndexOf(net, 'A')!;
const at = (iso: string) => Date.parse(iso);
const brief = (list: ReturnType<typeof nextScheduledDepartures>) =>
  list.map((d) => `${d.scheduledAt} ${d.route.shortName} ${d.startDate} ${d.startTime}`).sort();

describe('next scheduled departures at a stop (what the apps show offline)', () => {
  it('a winter evening: in the feed zone, trips past 24:00 of the day and the next morning’s both run', () => {
    const list = nextScheduledDepartures(net, stopA, at('2026-01-14T22:00:00+01:00'), 7);
    expect(list.map((d) => d.scheduledAt)).toEqual([...list.map((d) => d.scheduledAt)].sort());
    expect(brief(list)).toEqual([
      '2026-01-14T22:00:00+01:00 M1 20260114 22:00:00',
      '2026-01-14T22:30:00+01:00 U1 20260114 22:30:00',
      '2026-01-14T23:00:00+01:00 M1 20260114 23:00:00',
      // Wednesday's 24:00 tram and Thursday's 00:00 tram leave together.
      '2026-01-15T00:00:00+01:00 M1 20260114 24:00:00',
      '2026-01-15T00:00:00+01:00 M1 20260115 00:00:00',
      '2026-01-15T00:30:00+01:00 U1 20260114 24:30:00',
      '2026-01-15T00:30:00+01:00 U1 20260115 00:30:00',
    ]);
    const tram = list[0]!;
    expect(tram).toMatchObject({ tripId: 'M1-F', headsign: 'Beta', realtime: false, directionId: 0 });
    expect(tram.route).toMatchObject({ id: 'M1', mode: 'tram' });
    expect(list[1]!.route.mode).toBe('subway');
    expect(tram.expectedAt).toBe(tram.scheduledAt);
  });

  it('the day clocks go forward: the service day starts at 23:00 the evening before, summer times after 02:00', () => {
    // Noon minus 12 h of Sunday 2026-03-29 is Saturday 23:00 (+01:00): "02:30:00" is 01:30 winter time.
    const night = nextScheduledDepartures(net, stopA, at('2026-03-29T01:00:00+01:00'), 4);
    // Saturday's "25:30:00" (its day began Friday 23:00) leaves at the same instant.
    expect(brief(night.filter((d) => d.route.shortName === 'U1'))).toEqual([
      '2026-03-29T01:30:00+01:00 U1 20260328 25:30:00',
      '2026-03-29T01:30:00+01:00 U1 20260329 02:30:00',
    ]);
    const list = nextScheduledDepartures(net, stopA, at('2026-03-29T03:00:00+02:00'), 30);
    const subway = list
      .filter((d) => d.route.shortName === 'U1')
      .map((d) => `${d.scheduledAt} ${d.startTime}`);
    // Sunday's subway runs only by the calendar_dates addition; "03:30:00" is 03:30 summer time.
    expect(subway.slice(0, 2)).toEqual([
      '2026-03-29T03:30:00+02:00 03:30:00',
      '2026-03-29T22:30:00+02:00 22:30:00',
    ]);
    // Saturday's 26:00 tram and Sunday's 03:00 tram are the same instant, 03:00 summer time.
    expect(brief(list.filter((d) => d.scheduledAt === '2026-03-29T03:00:00+02:00'))).toEqual([
      '2026-03-29T03:00:00+02:00 M1 20260328 26:00:00',
      '2026-03-29T03:00:00+02:00 M1 20260329 03:00:00',
    ]);
  });

  it('a service removed by calendar_dates has no departures that day; a trip’s last stop has none at all', () => {
    const list = nextScheduledDepartures(net, stopA, at('2026-10-24T20:00:00+02:00'), 50);
    expect(list.length).toBeGreaterThan(0);
    expect(list.filter((d) => d.route.shortName === 'U1')).toEqual([]);
    expect(nextScheduledDepartures(net, stopIndexOf(net, 'B')!, at('2026-01-14T22:00:00+01:00'), 5)).toEqual(
      [],
    );
  });

  it('limit caps the list; an unknown stop id has no index', () => {
    expect(nextScheduledDepartures(net, stopA, at('2026-01-14T22:00:00+01:00'), 2)).toHaveLength(2);
    expect(stopIndexOf(net, 'nope')).toBeUndefined();
  });
});

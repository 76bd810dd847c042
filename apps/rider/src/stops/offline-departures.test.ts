import { readFileSync } from 'node:fs';
import { loadBundle, type Timetable } from '@kigaligo/planner';
import { describe, expect, it } from 'vitest';
import { minutesUntil, offlineDepartures } from './offline-departures';

// The bundle the app ships and keeps offline.
const text = readFileSync(new URL('../../../../public/network/kigali.bundle.json', import.meta.url), 'utf8');
const tt = JSON.parse(text) as Timetable;
const network = loadBundle(tt);

/**
 * The oracle: the bundle's own rows read plainly. Kigali keeps UTC+2 all year, so a service day starts at
 * local midnight; every listed departure and every frequency window's departures, when their calendar runs.
 */
function oracle(stopIndex: number, date: string, fromMs: number, untilMs: number): string[] {
  const out: string[] = [];
  const days = [date, nextDay(date)];
  for (const day of days) {
    const origin = Date.parse(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T00:00:00+02:00`);
    const weekday = (new Date(origin + 3 * 3600_000).getUTCDay() + 6) % 7;
    const runs = (service: number) => {
      const s = tt.services[service]!;
      if (s.removed.includes(day)) return false;
      if (s.added.includes(day)) return true;
      return (s.days & (1 << weekday)) !== 0 && s.start <= day && day <= s.end;
    };
    const add = (template: number, t0: number, tripId: string) => {
      const tpl = tt.templates[template]!;
      tpl.stops.forEach((stop, i) => {
        if (stop !== stopIndex || i === tpl.stops.length - 1) return;
        const at = origin + (t0 + tpl.dep[i]!) * 1000;
        if (at >= fromMs && at < untilMs) out.push(`${at} ${tripId}`);
      });
    };
    tt.departures.forEach(([template, service, t0], k) => {
      if (runs(service)) add(template, t0, tt.departureTrips[k]!);
    });
    tt.frequencies.forEach(([template, service, start, end, headway], k) => {
      if (!runs(service)) return;
      for (let t0 = start; t0 < end; t0 += headway) add(template, t0, tt.frequencyTrips[k]!);
    });
  }
  return out.sort();
}

function nextDay(date: string): string {
  const d = new Date(Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6) + 1));
  return d.toISOString().slice(0, 10).replaceAll('-', '');
}

describe('departures at a stop from the offline bundle', () => {
  it('lists the schedule’s next departures, as the bundle’s own rows give them, all scheduled', () => {
    // The stop served by the most templates: a busy one.
    const counts = new Map<number, number>();
    for (const tpl of tt.templates)
      for (const s of tpl.stops.slice(0, -1)) counts.set(s, (counts.get(s) ?? 0) + 1);
    const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const stop = tt.stops[busiest]!;
    // A Wednesday morning.
    const from = Date.parse('2026-12-02T07:00:00+02:00');
    const answer = offlineDepartures(network, stop.id, from, 15)!;
    expect(answer.stop).toEqual({ id: stop.id, name: stop.name });
    expect(answer.departures).toHaveLength(15);
    for (const d of answer.departures) {
      expect(d.realtime).toBe(false);
      expect(d.expectedAt).toBe(d.scheduledAt);
      expect(d.scheduledAt).toMatch(/\+02:00$/);
    }
    const expected = oracle(busiest, '20261202', from, from + 86_400_000);
    const got = answer.departures.map((d) => `${Date.parse(d.scheduledAt)} ${d.tripId}`);
    const lastAt = Date.parse(answer.departures.at(-1)!.scheduledAt);
    // Ties at the last minute may be cut either way: compare everything strictly before it, then the count.
    expect(got.filter((g) => Number(g.split(' ')[0]) < lastAt).sort()).toEqual(
      expected.filter((e) => Number(e.split(' ')[0]) < lastAt),
    );
    expect(expected.length).toBeGreaterThanOrEqual(15);
  });

  it('a stop the bundle does not have is null; minutes until a departure never go below zero', () => {
    expect(offlineDepartures(network, 'not-a-stop', Date.now(), 5)).toBeNull();
    const now = Date.parse('2026-12-02T07:00:00+02:00');
    expect(minutesUntil('2026-12-02T07:09:59+02:00', now)).toBe(9);
    expect(minutesUntil('2026-12-02T06:59:00+02:00', now)).toBe(0);
  });
});

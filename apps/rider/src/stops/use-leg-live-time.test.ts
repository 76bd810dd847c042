import type { Departure, Leg } from '@kigaligo/planner';
import { describe, expect, it } from 'vitest';
import { liveDepartureOfLeg } from './use-leg-live-time';

const leg = {
  mode: 'bus',
  from: { name: 'Kugataje B', lat: -1.95, lon: 30.06, stopId: 's1' },
  to: { name: 'Nyabugogo', lat: -1.94, lon: 30.05, stopId: 's2' },
  departAt: '2026-12-02T12:58:00+02:00',
  arriveAt: '2026-12-02T13:10:00+02:00',
  distanceMeters: 3000,
  route: { id: '407', shortName: '407', longName: 'Kimironko – Nyabugogo', headsign: 'Nyabugogo' },
  geometry: { type: 'LineString', coordinates: [] },
} as unknown as Leg;

const departure = (over: Partial<Departure>): Departure => ({
  tripId: '407-0-WD',
  startDate: '20261202',
  startTime: '12:30:00',
  route: { id: '407', shortName: '407', longName: 'Kimironko – Nyabugogo', mode: 'bus' },
  headsign: 'Nyabugogo',
  scheduledAt: '2026-12-02T12:58:00+02:00',
  expectedAt: '2026-12-02T13:03:00+02:00',
  realtime: true,
  ...over,
});

describe('the live departure a plan’s transit leg rides', () => {
  it('is the live one of its route and headsign leaving at the leg’s time', () => {
    const live = departure({});
    const list = [
      departure({ route: { ...live.route, id: '403' } }),
      departure({ headsign: 'Kimironko' }),
      departure({ scheduledAt: '2026-12-02T13:28:00+02:00' }),
      live,
    ];
    expect(liveDepartureOfLeg(leg, list)).toBe(live);
  });

  it('is none when the run is only scheduled (the leg already says so) or not listed', () => {
    expect(liveDepartureOfLeg(leg, [departure({ realtime: false })])).toBeUndefined();
    expect(liveDepartureOfLeg(leg, [])).toBeUndefined();
  });
});

import { join } from 'node:path';
import { readFeed } from '@kigaligo/gtfs/node';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itinerary } from './itinerary';
import { buildNetwork } from './network';
import { planTrip } from './plan';
import { PLACES } from './testing/kigali';
import { timetableFromFeed } from './timetable';

const net = buildNetwork(
  timetableFromFeed(readFeed(join(import.meta.dirname, '../../../public/network/kigali-gtfs'))),
);
const ms = (iso: string) => Date.parse(iso);

describe('planTrip on the Kigali network', () => {
  it('Nyabugogo → Kimironko at 08:00 on a weekday: a direct bus with a RURA fare, and a moto option', () => {
    const its = planTrip(net, {
      from: PLACES.nyabugogo,
      to: PLACES.kimironko,
      departAt: '2026-11-24T08:00:00+02:00',
    });
    const bus = its.find((i) => i.legs.some((l) => l.mode === 'bus'))!;
    expect(bus).toBeDefined();
    expect(bus.transfers).toBe(0);
    const ride = bus.legs.find((l) => l.mode === 'bus')!;
    expect(['305', '314']).toContain(ride.route?.shortName);
    expect(ms(ride.departAt)).toBeGreaterThanOrEqual(ms('2026-11-24T08:00:00+02:00'));
    // Peak headway on a central route is 10 min, the ride ~40 min.
    expect(ms(bus.arriveAt) - ms('2026-11-24T08:00:00+02:00')).toBeLessThan(55 * 60_000);
    expect(bus.fare.currency).toBe('RWF');
    expect(bus.fare.amount).toBeGreaterThanOrEqual(466); // 12–14 km on RURA's tariff
    expect(bus.fare.amount).toBeLessThanOrEqual(543);
    const moto = its.find((i) => i.legs.length === 1 && i.legs[0]!.mode === 'moto')!;
    expect(moto.fare.amount).toBeGreaterThan(1000);
    for (const it of its) expect(itinerary.parse(it)).toEqual(it);
  });

  it('Kabuga → Nyamirambo needs a change; the Pareto set trades arrival for changes', () => {
    const its = planTrip(net, {
      from: PLACES.kabuga,
      to: PLACES.nyamirambo,
      departAt: '2026-11-24T07:30:00+02:00',
      moto: false,
    });
    const bus = its.filter((i) => i.legs.some((l) => l.mode === 'bus'));
    expect(bus.length).toBeGreaterThan(0);
    expect(bus.every((i) => i.transfers >= 1)).toBe(true);
    const fewest = bus.reduce((a, b) => (a.transfers <= b.transfers ? a : b));
    // The fare is the sum of each ride's distance fare.
    const rides = fewest.legs.filter((l) => l.mode === 'bus');
    expect(fewest.fare.amount).toBe(rides.reduce((s, l) => s + l.fare!.amount, 0));
  });

  it('no buses before 05:00: the first bus leaves at or after 05:00', () => {
    const its = planTrip(net, {
      from: PLACES.downtown,
      to: PLACES.remera,
      departAt: '2026-11-24T03:00:00+02:00',
      moto: false,
    });
    const bus = its.find((i) => i.legs.some((l) => l.mode === 'bus'))!;
    const first = bus.legs.find((l) => l.mode === 'bus')!;
    expect(ms(first.departAt)).toBeGreaterThanOrEqual(ms('2026-11-24T05:00:00+02:00'));
  });

  it('on an Umuganda Saturday buses start at 12:00', () => {
    const its = planTrip(net, {
      from: PLACES.downtown,
      to: PLACES.remera,
      departAt: '2026-11-28T08:00:00+02:00',
      moto: false,
    });
    const first = its.find((i) => i.legs.some((l) => l.mode === 'bus'))!.legs.find((l) => l.mode === 'bus')!;
    expect(ms(first.departAt)).toBeGreaterThanOrEqual(ms('2026-11-28T12:00:00+02:00'));
  });

  it('arrive-by: the latest departure that still arrives in time', () => {
    const deadline = '2026-11-24T09:00:00+02:00';
    const its = planTrip(net, { from: PLACES.nyabugogo, to: PLACES.remera, arriveBy: deadline, moto: false });
    const bus = its.filter((i) => i.legs.some((l) => l.mode === 'bus'));
    expect(bus.length).toBeGreaterThan(0);
    for (const it of bus) expect(ms(it.arriveAt)).toBeLessThanOrEqual(ms(deadline));
    // Leaving a minute later than the latest departure found misses the deadline.
    const latest = Math.max(...bus.map((i) => ms(i.departAt)));
    const later = planTrip(net, {
      from: PLACES.nyabugogo,
      to: PLACES.remera,
      departAt: new Date(latest + 60_000),
      moto: false,
    });
    const best = Math.min(
      ...later.filter((i) => i.legs.some((l) => l.mode === 'bus')).map((i) => ms(i.arriveAt)),
    );
    expect(best).toBeGreaterThan(ms(deadline));
  });

  it('offers moto to the bus when the origin is far from any stop and it is much faster', () => {
    // A point in Gahanga, ~2 km from the nearest served stop.
    const far = { lat: -2.045, lon: 30.11 };
    const its = planTrip(net, { from: far, to: PLACES.downtown, departAt: '2026-11-24T07:00:00+02:00' });
    const mixed = its.find((i) => i.legs[0]!.mode === 'moto' && i.legs.some((l) => l.mode === 'bus'));
    expect(mixed).toBeDefined();
    expect(mixed!.fare.amount).toBe(mixed!.legs.reduce((s, l) => s + (l.fare?.amount ?? 0), 0));
  });
});

describe('itineraries are well-formed (property)', () => {
  const lat = fc.double({ min: -2.02, max: -1.9, noNaN: true });
  const lon = fc.double({ min: 30.02, max: 30.2, noNaN: true });
  const when = fc
    .integer({ min: 0, max: 7 * 24 * 60 - 1 })
    .map((m) => new Date(Date.parse('2026-11-23T00:00:00+02:00') + m * 60_000));

  it('legs follow each other in time and space, and fares add up', () => {
    fc.assert(
      fc.property(lat, lon, lat, lon, when, (aLat, aLon, bLat, bLon, at) => {
        const its = planTrip(net, {
          from: { lat: aLat, lon: aLon },
          to: { lat: bLat, lon: bLon },
          departAt: at,
        });
        for (const it of its) {
          expect(itinerary.safeParse(it).success).toBe(true);
          expect(ms(it.departAt)).toBeGreaterThanOrEqual(at.getTime());
          expect(ms(it.legs[0]!.departAt)).toBe(ms(it.departAt));
          expect(ms(it.legs.at(-1)!.arriveAt)).toBe(ms(it.arriveAt));
          for (let i = 1; i < it.legs.length; i++) {
            expect(ms(it.legs[i]!.departAt)).toBeGreaterThanOrEqual(ms(it.legs[i - 1]!.arriveAt));
            expect(it.legs[i]!.from.lat).toBe(it.legs[i - 1]!.to.lat);
          }
          expect(it.fare.amount).toBe(it.legs.reduce((s, l) => s + (l.fare?.amount ?? 0), 0));
          expect(it.transfers).toBe(Math.max(0, it.legs.filter((l) => l.mode !== 'walk').length - 1));
          // Each leg is drawn from where it starts to where it ends (positions to 6 decimals, ~0.1 m).
          const r6 = (p: { lat: number; lon: number }) =>
            [p.lon, p.lat].map((x) => Math.round(x * 1e6) / 1e6);
          for (const l of it.legs) {
            expect(l.geometry.coordinates[0]).toEqual(r6(l.from));
            expect(l.geometry.coordinates.at(-1)).toEqual(r6(l.to));
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

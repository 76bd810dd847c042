import { readFileSync } from 'node:fs';
import { type Itinerary, itinerary, loadBundle, planTrip } from '@kigaligo/planner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app';

// Nyabugogo and Kimironko bus parks (RURA / enRouteQ feed coordinates).
const nyabugogo = { lat: -1.940645, lon: 30.044477 };
const kimironko = { lat: -1.949596, lon: 30.12557 };

describe('POST /api/routes/plan on the shipped Kigali network', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp('pglite', {}, true);
    token = (await t.loginAs('rider')).accessToken;
  });
  afterAll(() => t.dispose());

  it('plans Nyabugogo → Kimironko on a weekday morning with bus and moto options and fares', async () => {
    const res = await t.request('POST', '/api/routes/plan', {
      token,
      body: { from: nyabugogo, to: kimironko, departAt: '2026-11-24T08:00:00+02:00' },
    });
    expect(res.status).toBe(200);
    const { itineraries } = await res.json();
    const bus = itineraries.find((i: { legs: { mode: string }[] }) => i.legs.some((l) => l.mode === 'bus'));
    expect(bus).toBeDefined();
    expect(bus.fare.currency).toBe('RWF');
    expect(Number.isInteger(bus.fare.amount) && bus.fare.amount > 0).toBe(true);
    expect(Date.parse(bus.departAt)).toBeGreaterThanOrEqual(Date.parse('2026-11-24T08:00:00+02:00'));
    expect(
      itineraries.some((i: { legs: { mode: string }[] }) => i.legs.every((l) => l.mode === 'moto')),
    ).toBe(true);
  });

  it('every leg carries its GeoJSON line; the bus leg follows the road between its stops, as the apps plan it', async () => {
    const body = { from: nyabugogo, to: kimironko, departAt: '2026-11-24T08:00:00+02:00' };
    const res = await t.request('POST', '/api/routes/plan', { token, body });
    const { itineraries } = (await res.json()) as { itineraries: Itinerary[] };
    for (const it of itineraries) expect(itinerary.parse(it)).toEqual(it);
    const bus = itineraries.flatMap((i) => i.legs).find((l) => l.mode === 'bus')!;
    expect(bus.geometry.type).toBe('LineString');
    expect(bus.geometry.coordinates.length).toBeGreaterThan(20);
    expect(bus.geometry.coordinates[0]).toEqual([bus.from.lon, bus.from.lat]);
    expect(bus.geometry.coordinates.at(-1)).toEqual([bus.to.lon, bus.to.lat]);
    // The rider app's worker plans on the bundle it ships (public/network/kigali.bundle.json): same answer.
    const shipped = readFileSync(
      new URL('../../../public/network/kigali.bundle.json', import.meta.url),
      'utf8',
    );
    expect(itineraries).toEqual(planTrip(loadBundle(shipped), body));
  });

  it('answers arrive-by queries with a trip that arrives in time', async () => {
    const arriveBy = '2026-11-24T09:00:00+02:00';
    const res = await t.request('POST', '/api/routes/plan', {
      token,
      body: { from: nyabugogo, to: kimironko, arriveBy },
    });
    const { itineraries } = await res.json();
    expect(itineraries.length).toBeGreaterThan(0);
    for (const i of itineraries) expect(Date.parse(i.arriveAt)).toBeLessThanOrEqual(Date.parse(arriveBy));
  });

  it('refuses bad requests with 400 and field details', async () => {
    const outside = await t.request('POST', '/api/routes/plan', {
      token,
      body: { from: { lat: 48.85, lon: 2.35 }, to: kimironko },
    });
    expect(outside.status).toBe(400);
    expect((await outside.json()).error.details[0]).toMatchObject({ path: 'from' });
    const both = await t.request('POST', '/api/routes/plan', {
      token,
      body: {
        from: nyabugogo,
        to: kimironko,
        departAt: '2026-11-24T08:00:00+02:00',
        arriveBy: '2026-11-24T09:00:00+02:00',
      },
    });
    expect(both.status).toBe(400);
    const anonymous = await t.request('POST', '/api/routes/plan', {
      body: { from: nyabugogo, to: kimironko },
    });
    expect(anonymous.status).toBe(401);
  });
});

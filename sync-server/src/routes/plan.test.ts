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

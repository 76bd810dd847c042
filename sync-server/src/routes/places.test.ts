import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app';

describe('GET /api/places', () => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await createTestApp('pglite');
    token = (await t.loginAs('rider')).accessToken;
  });
  afterAll(() => t.dispose());

  it('finds places despite typos, as the offline search does', async () => {
    const res = await t.request('GET', '/api/places?q=kimirnko&limit=3', { token });
    expect(res.status).toBe(200);
    const { places } = await res.json();
    expect(places[0].name).toMatch(/Kimironko/);
  });

  it('gives the nearest stops to a point', async () => {
    const res = await t.request('GET', '/api/places?near=-1.9406,30.0445&limit=2', { token });
    const { places } = await res.json();
    expect(places).toHaveLength(2);
    expect(places[0].distanceMeters).toBeLessThanOrEqual(places[1].distanceMeters);
    expect(places[0].distanceMeters).toBeLessThan(300);
  });

  it('refuses bad queries and anonymous callers', async () => {
    expect((await t.request('GET', '/api/places', { token })).status).toBe(400);
    expect((await t.request('GET', '/api/places?near=north,south', { token })).status).toBe(400);
    expect((await t.request('GET', '/api/places?q=x&limit=500', { token })).status).toBe(400);
    expect((await t.request('GET', '/api/places?q=remera')).status).toBe(401);
  });
});

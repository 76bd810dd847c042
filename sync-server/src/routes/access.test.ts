import { randomUUID } from 'node:crypto';
import { sign } from 'hono/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signAccessToken } from '../auth/tokens';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';

describe.each(testDatabaseKinds)('roles and tokens on %s', (kind) => {
  let t: TestApp;
  let tokens: Record<'rider' | 'driver' | 'admin', string>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    tokens = {
      rider: (await t.loginAs('rider')).accessToken,
      driver: (await t.loginAs('driver')).accessToken,
      admin: (await t.loginAs('admin')).accessToken,
    };
  });
  afterAll(() => t.dispose());

  it('refuses missing, malformed, forged, expired and unsigned tokens with 401', async () => {
    const me = await t.request('GET', '/api/me', { token: tokens.rider });
    const riderId = (await me.json()).user.id;
    const now = Math.floor(Date.now() / 1000);
    const forged = await sign(
      { sub: riderId, role: 'admin', typ: 'access', exp: now + 60 },
      'not-the-secret',
      'HS256',
    );
    const expired = await signAccessToken(
      { userId: riderId, role: 'rider', sessionId: randomUUID() },
      t.deps.jwtSecret,
      now - 3600,
    );
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: riderId, role: 'admin', typ: 'access', exp: now + 60 }),
    ).toString('base64url');
    const unsigned = `${header}.${payload}.`;
    const cases: Record<string, Record<string, string>> = {
      missing: {},
      malformed: { authorization: 'Bearer not a token' },
      notBearer: { authorization: `Basic ${tokens.rider}` },
      forged: { authorization: `Bearer ${forged}` },
      expired: { authorization: `Bearer ${expired}` },
      unsigned: { authorization: `Bearer ${unsigned}` },
    };
    for (const [name, headers] of Object.entries(cases)) {
      const res = await t.request('GET', '/api/admin/users', { headers });
      expect(res.status, name).toBe(401);
      const body = await res.json();
      expect(body.error.code, name).toMatch(/unauthenticated|invalid_token/);
    }
  });

  it('gives 403 to riders and drivers on admin routes', async () => {
    for (const role of ['rider', 'driver'] as const) {
      const res = await t.request('GET', '/api/admin/users', { token: tokens[role] });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('forbidden');
    }
    const riderVehicles = await t.request('GET', '/api/vehicles', { token: tokens.rider });
    expect(riderVehicles.status).toBe(403);
  });

  it('lets admins list users and create a driver who can then sign in', async () => {
    const list = await t.request('GET', '/api/admin/users', { token: tokens.admin });
    expect(list.status).toBe(200);
    const { users } = await list.json();
    expect(users.map((u: { role: string }) => u.role).sort()).toEqual(['admin', 'driver', 'rider']);
    expect(JSON.stringify(users)).not.toMatch(/password|scrypt/);

    const body = {
      email: 'moto7@kigaligo.rw',
      password: 'drive-safely',
      name: 'Eric Niyonzima',
      phone: '+250 722 000 777',
      role: 'driver',
    };
    const created = await t.request('POST', '/api/admin/users', { token: tokens.admin, body });
    expect(created.status).toBe(201);
    expect((await created.json()).user).toMatchObject({ role: 'driver', phone: '+250722000777' });
    const again = await t.request('POST', '/api/admin/users', { token: tokens.admin, body });
    expect(again.status).toBe(409);
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: body.email, password: body.password },
    });
    expect((await login.json()).user.role).toBe('driver');

    const drivers = await t.request('GET', '/api/admin/users?role=driver', { token: tokens.admin });
    expect((await drivers.json()).users).toHaveLength(2);
    const badRole = await t.request('GET', '/api/admin/users?role=pilot', { token: tokens.admin });
    expect(badRole.status).toBe(400);
  });

  it('validates vehicles: plate format, capacity by kind, unique plate', async () => {
    const ok = await t.request('POST', '/api/vehicles', {
      token: tokens.admin,
      body: { kind: 'car', plate: 'rab 777 c', capacity: 4, operator: 'Yego Cabs' },
    });
    expect(ok.status).toBe(201);
    expect((await ok.json()).vehicle).toMatchObject({ plate: 'RAB 777 C', status: 'off_duty' });
    const dup = await t.request('POST', '/api/vehicles', {
      token: tokens.admin,
      body: { kind: 'car', plate: 'RAB 777 C', capacity: 4, operator: 'Other' },
    });
    expect(dup.status).toBe(409);
    const bad = await t.request('POST', '/api/vehicles', {
      token: tokens.admin,
      body: { kind: 'moto', plate: 'KGL-1', capacity: 3, operator: 'x' },
    });
    expect(bad.status).toBe(400);
    const paths = (await bad.json()).error.details.map((d: { path: string }) => d.path);
    expect(paths).toContain('plate');
    const asDriver = await t.request('POST', '/api/vehicles', {
      token: tokens.driver,
      body: { kind: 'car', plate: 'RAB 778 C', capacity: 4, operator: 'Yego Cabs' },
    });
    expect(asDriver.status).toBe(403);
    const fleet = await t.request('GET', '/api/vehicles', { token: tokens.driver });
    expect((await fleet.json()).vehicles.length).toBeGreaterThanOrEqual(6);
  });

  it('serves health, the OpenAPI document, stops, and JSON 404s', async () => {
    const health = await t.request('GET', '/api/health');
    expect(await health.json()).toEqual({ status: 'ok', db: kind, version: 'test', network: null });
    const doc = await (await t.request('GET', '/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(
      ['email', 'password'],
    );
    const stops = await (await t.request('GET', '/api/stops', { token: tokens.rider })).json();
    expect(stops.stops.map((s: { name: string }) => s.name)).toContain('Nyabugogo bus terminal');
    const missing = await t.request('GET', '/api/nope');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
  });
});

import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positions, shifts, vehicleLive, vehicles } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';

// A plausible drive: a slow loop around central Kigali, ~4 m/s, one fix per second.
function drive(count: number, startMs: number, device = 'phone-a1') {
  return Array.from({ length: count }, (_, i) => {
    const angle = (i / 3600) * 2 * Math.PI;
    return {
      id: `${device}:${i + 1}`,
      lat: -1.95 + 0.02 * Math.sin(angle),
      lon: 30.08 + 0.02 * Math.cos(angle),
      recordedAt: new Date(startMs + i * 1000).toISOString(),
      speed: 4,
    };
  });
}

describe.each(testDatabaseKinds)('positions on %s', (kind) => {
  let t: TestApp;
  let driverToken: string;
  let motoId: string;
  beforeAll(async () => {
    t = await createTestApp(kind);
    driverToken = (await t.loginAs('driver')).accessToken;
    const [moto] = await t.database.db.select().from(vehicles).where(eq(vehicles.plate, 'RD 412 K'));
    motoId = moto!.id;
    const started = await t.request('POST', '/api/shifts', {
      token: driverToken,
      body: { vehicleId: motoId },
    });
    expect(started.status).toBe(201);
    // The shift began before the 8-hour replay below was recorded.
    await t.database.db
      .update(shifts)
      .set({ startedAt: new Date(Date.now() - 10 * 3600_000) })
      .where(eq(shifts.vehicleId, motoId));
  });
  afterAll(() => t.dispose());

  const post = (items: unknown[], token = driverToken, id = motoId) =>
    t.request('POST', `/api/vehicles/${id}/positions`, { token, body: { positions: items } });

  it('stores an 8-hour offline replay (28,800 fixes) once, in order, never moving the live marker back', async () => {
    const start = Date.now() - 9 * 3600_000;
    const fixes = drive(28_800, start);
    // The phone sent one live fix just before losing signal; the replay is older than nothing else.
    const liveTimes: number[] = [];
    let accepted = 0;
    for (let i = 0; i < fixes.length; i += 500) {
      const res = await post(fixes.slice(i, i + 500));
      const body = await res.json();
      expect(body.rejected).toEqual([]);
      accepted += body.accepted;
      const [live] = await t.database.db.select().from(vehicleLive).where(eq(vehicleLive.vehicleId, motoId));
      liveTimes.push(live!.recordedAt.getTime());
    }
    expect(accepted).toBe(28_800);
    expect(liveTimes).toEqual([...liveTimes].sort((a, b) => a - b));
    // Replaying a batch again (the app did not hear the answer) stores nothing twice.
    const again = await (await post(fixes.slice(1000, 1500))).json();
    expect(again).toEqual({ accepted: 0, duplicates: 500, rejected: [] });
    const stored = await t.database.db
      .select({ id: positions.id })
      .from(positions)
      .where(eq(positions.vehicleId, motoId));
    expect(stored).toHaveLength(28_800);
    // A late fix from another device of the same vehicle, older than the live one, is stored but the marker stays.
    const before = liveTimes.at(-1)!;
    const late = [{ ...fixes[60]!, id: 'phone-b2:1' }];
    expect((await (await post(late)).json()).accepted).toBe(1);
    const [live] = await t.database.db.select().from(vehicleLive).where(eq(vehicleLive.vehicleId, motoId));
    expect(live!.recordedAt.getTime()).toBe(before);
  }, 120_000);

  it('answers bad fixes with reasons and stores the good ones', async () => {
    const now = Date.now();
    const good = {
      id: 'phone-c3:1',
      lat: -1.9441,
      lon: 30.0619,
      recordedAt: new Date(now - 5000).toISOString(),
    };
    const res = await post([
      good,
      { id: 'phone-c3:2', lat: 48.85, lon: 2.35, recordedAt: new Date(now - 4000).toISOString() },
      { id: 'phone-c3:3', lat: -1.95, lon: 30.06, recordedAt: new Date(now + 3600_000).toISOString() },
      { id: 'phone-c3:4', lat: -1.5, lon: 30.3, recordedAt: new Date(now - 4000).toISOString() },
      { id: 'phone-c3:5', lat: -1.9, lon: 30.2, recordedAt: new Date(now - 3000).toISOString() },
      { id: 'phone-c3:6', lat: 'north', lon: 30.06 },
      { lat: -1.95 },
      null,
    ]);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.accepted).toBe(1);
    const reasons = Object.fromEntries(
      body.rejected.map((r: { id: string; reason: string }) => [r.id, r.reason]),
    );
    expect(reasons['phone-c3:2']).toBe('outside_service_area');
    expect(reasons['phone-c3:3']).toBe('recorded_in_future');
    expect(reasons['phone-c3:4']).toBe('outside_service_area');
    expect(reasons['phone-c3:5']).toMatch(/^implausible_jump/);
    expect(reasons['phone-c3:6']).toMatch(/^malformed/);
    expect(reasons['#6']).toMatch(/^malformed/);
    expect(reasons['#7']).toMatch(/^malformed/);
    const tooMany = await post(drive(501, now - 600_000, 'phone-d4'));
    expect(tooMany.status).toBe(400);
  });

  it('lets only the driver on shift (or an admin) post, and refuses riders', async () => {
    const other = await t.request('POST', '/api/admin/users', {
      token: (await t.loginAs('admin')).accessToken,
      body: { email: 'second@kigaligo.rw', password: 'drive-safely', name: 'Second', phone: '+250722000888' },
    });
    expect(other.status).toBe(201);
    const login = await t.request('POST', '/api/auth/login', {
      body: { email: 'second@kigaligo.rw', password: 'drive-safely' },
    });
    const otherToken = (await login.json()).accessToken;
    const fix = drive(1, Date.now() - 1000, 'phone-e5');
    const notTheirs = await post(fix, otherToken);
    expect(notTheirs.status).toBe(403);
    expect((await notTheirs.json()).error.code).toBe('outside_shift');
    const taken = await t.request('POST', '/api/shifts', { token: otherToken, body: { vehicleId: motoId } });
    expect(taken.status).toBe(409);
    expect((await post(fix, (await t.loginAs('rider')).accessToken)).status).toBe(403);
    expect((await post(fix, (await t.loginAs('admin')).accessToken)).status).toBe(200);
    expect((await post(fix, driverToken, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

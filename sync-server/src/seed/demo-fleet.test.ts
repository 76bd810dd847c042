import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vehicles } from '../db/schema';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import { makeIntent } from '../test-support/trip-fixtures';
import { demoVehicles } from './demo-data';
import { warmDemoFleet } from './demo-fleet';

describe.each(testDatabaseKinds)('demo fleet on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());

  it('puts the demo moto on shift downtown so the demo rider can book right after start', async () => {
    const placed = await warmDemoFleet(t.database.db);
    expect(placed).toMatchObject({ plate: demoVehicles[0]!.plate, stale: false });
    // Still fresh: a second start (or the driver app sharing) leaves it where it is.
    expect(await warmDemoFleet(t.database.db)).toBeNull();
    const rider = await t.loginAs('rider');
    const driver = await t.loginAs('driver');
    const shift = await (await t.request('GET', '/api/shifts/current', { token: driver.accessToken })).json();
    expect(shift.vehicle).toMatchObject({ plate: demoVehicles[0]!.plate, status: 'available' });
    const res = await t.request('POST', '/api/trips', { body: makeIntent(), token: rider.accessToken });
    expect(res.status).toBe(201);
    const { decision } = await res.json();
    expect(decision).toMatchObject({
      vehicle: { plate: demoVehicles[0]!.plate },
      driver: { name: 'Jean Bosco Habimana' },
    });
    // On a trip, much later: a restart does not touch it.
    expect(await warmDemoFleet(t.database.db, new Date(Date.now() + 3600_000))).toBeNull();
    const [moto] = await t.database.db
      .select()
      .from(vehicles)
      .where(eq(vehicles.plate, demoVehicles[0]!.plate));
    expect(moto!.status).toBe('on_trip');
  });

  it('the periodic refresh keeps an idle demo moto fresh but leaves a driver who ended the shift off it', async () => {
    const later = new Date(Date.now() + 3 * 3600_000);
    const [moto] = await t.database.db
      .select()
      .from(vehicles)
      .where(eq(vehicles.plate, demoVehicles[0]!.plate));
    await t.database.db.update(vehicles).set({ status: 'available' }).where(eq(vehicles.id, moto!.id));
    expect(await warmDemoFleet(t.database.db, later, false)).toMatchObject({
      recordedAt: later.toISOString(),
    });
    await t.database.db.update(vehicles).set({ status: 'off_duty' }).where(eq(vehicles.id, moto!.id));
    expect(await warmDemoFleet(t.database.db, new Date(later.getTime() + 3600_000), false)).toBeNull();
  });
});

import { randomUUID } from 'node:crypto';
import { defaultDispatchPolicy } from '@kigaligo/domain';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tripEvents, trips, users, vehicles } from '../db/schema';
import { createTestApp, type TestApp, testServiceArea } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import {
  CITY_CENTRE,
  makeDriverOnShift,
  makeIntent,
  makeUser,
  parkFleet,
} from '../test-support/trip-fixtures';
import { bookIntent } from './book-intent';

describe.each(testDatabaseKinds)('vehicle assignment on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind);
  });
  afterAll(() => t.dispose());
  beforeEach(() => parkFleet(t.database.db));

  it('50 riders book 10 vehicles at once: each vehicle once, 10 confirmed, 40 told no vehicle is available', async () => {
    const { db } = t.database;
    const fleet = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        makeDriverOnShift(db, t.deps.jwtSecret, {
          at: { lat: CITY_CENTRE.lat + i * 0.001, lon: CITY_CENTRE.lon },
        }),
      ),
    );
    const riders = await Promise.all(
      Array.from({ length: 50 }, () => makeUser(db, t.deps.jwtSecret, 'rider')),
    );
    const responses = await Promise.all(
      riders.map((r) => t.request('POST', '/api/trips', { body: makeIntent(), token: r.token })),
    );
    const bodies = await Promise.all(responses.map((r) => r.json()));
    const confirmed = bodies.filter((_, i) => responses[i]!.status === 201);
    const refused = bodies.filter((_, i) => responses[i]!.status === 409);
    expect(confirmed).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const b of refused) expect(b.error.code).toBe('no_vehicle_available');

    const assignedVehicles = confirmed.map((b) => b.decision.vehicle.id);
    expect(new Set(assignedVehicles).size).toBe(10);
    expect(new Set(assignedVehicles)).toEqual(new Set(fleet.map((f) => f.vehicleId)));
    // Nor was any vehicle ever assigned twice along the way.
    const ids = fleet.map((f) => f.vehicleId);
    const rows = await db
      .select({ vehicleId: trips.vehicleId })
      .from(trips)
      .where(and(inArray(trips.vehicleId, ids), isNotNull(trips.vehicleId)));
    expect(rows).toHaveLength(10);
    const events = await db
      .select({ tripId: tripEvents.tripId })
      .from(tripEvents)
      .innerJoin(trips, eq(trips.id, tripEvents.tripId))
      .where(and(inArray(trips.vehicleId, ids), eq(tripEvents.toStatus, 'assigned')));
    expect(events).toHaveLength(10);
    const onTrip = await db.select().from(vehicles).where(inArray(vehicles.id, ids));
    expect(onTrip.every((v) => v.status === 'on_trip')).toBe(true);
  });

  it('passes over a vehicle the one-live-trip index protects and takes the next nearest', async () => {
    const { db } = t.database;
    const nearest = await makeDriverOnShift(db, t.deps.jwtSecret);
    const next = await makeDriverOnShift(db, t.deps.jwtSecret, {
      at: { lat: CITY_CENTRE.lat + 0.003, lon: CITY_CENTRE.lon },
    });
    const rider = await makeUser(db, t.deps.jwtSecret, 'rider');
    // Inconsistent data (status says available, yet a live trip holds the vehicle): the index is the last line.
    await db.insert(trips).values({
      riderId: rider.id,
      driverId: nearest.driver.id,
      vehicleId: nearest.vehicleId,
      kind: 'moto',
      status: 'in_progress',
      origin: CITY_CENTRE,
      destination: CITY_CENTRE,
      fareAmount: 400,
      intentId: randomUUID(),
      paymentMethod: 'cash',
      distanceMeters: 0,
      departAt: new Date(),
    });
    const result = await db.transaction((tx) =>
      bookIntent(tx, rider.id, makeIntent(), new Date(), defaultDispatchPolicy, testServiceArea),
    );
    const [trip] = await db.select().from(trips).where(eq(trips.id, result.tripId));
    expect(trip).toMatchObject({ status: 'assigned', vehicleId: next.vehicleId, driverId: next.driver.id });
  });

  it('sends no suspended driver and refuses suspended riders', async () => {
    const { db } = t.database;
    const d = await makeDriverOnShift(db, t.deps.jwtSecret);
    const rider = await makeUser(db, t.deps.jwtSecret, 'rider');
    await db.update(users).set({ suspended: true }).where(eq(users.id, d.driver.id));
    const none = await t.request('POST', '/api/trips', { body: makeIntent(), token: rider.token });
    expect((await none.json()).error.code).toBe('no_vehicle_available');
    await db.update(users).set({ suspended: false }).where(eq(users.id, d.driver.id));
    await db.update(users).set({ suspended: true }).where(eq(users.id, rider.id));
    const res = await t.request('POST', '/api/trips', { body: makeIntent(), token: rider.token });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('account_suspended');
  });
});

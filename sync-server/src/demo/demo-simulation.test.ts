import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defaultDispatchPolicy, type TrackedVehicle } from '@kigaligo/domain';
import { haversine, loadBundle } from '@kigaligo/planner';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { bookIntent } from '../booking/book-intent';
import { TripDocs } from '../booking/trip-docs';
import { outbox, positions, tripEvents, trips, users, vehicleLive, vehicles } from '../db/schema';
import { createLogger } from '../logger';
import { findScheduledTrip } from '../realtime/scheduled-trip';
import { seedDemoData } from '../seed/seed';
import { storedDocWriter } from '../test-support/stored-doc';
import { testServiceArea } from '../test-support/test-app';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../test-support/test-databases';
import { makeIntent, makeUser } from '../test-support/trip-fixtures';
import { busPosition } from './bus-runs';
import { DemoSimulation } from './demo-simulation';
import { ensureSimFleet, simBusPlates, simDrivers } from './sim-fleet';

const network = loadBundle(
  readFileSync(new URL('../../../public/network/kigali.bundle.json', import.meta.url), 'utf8'),
);
/** Monday 08:00 in Kigali: buses run. The simulation and the bookings take this clock, not the machine's. */
const MONDAY_8AM = Date.parse('2026-12-07T06:00:00Z');
const STEP_MS = 3000;
const logger = createLogger('silent');

async function simulation(database: TestDatabase, seed: number) {
  await ensureSimFleet(database.db);
  const published: TrackedVehicle[] = [];
  const tripDocs = new TripDocs(database.db, logger, storedDocWriter(database.db));
  const sim = new DemoSimulation(
    {
      db: database.db,
      network: () => network,
      live: {
        publish: async (v) => {
          published.push(v);
        },
        rosterChanged: async () => {},
      },
      refreshTrip: (tripId) => tripDocs.refresh(tripId),
      policy: defaultDispatchPolicy,
      area: () => testServiceArea,
      retentionDays: 30,
      logger,
    },
    seed,
  );
  return { sim, published, tripDocs };
}

/** Where every simulated vehicle was after each of `ticks` ticks, by plate. */
async function trace(kind: TestDatabase['kind'], seed: number, ticks: number): Promise<string[]> {
  const database = await openTestDatabase(kind);
  try {
    const { sim, published } = await simulation(database, seed);
    const plates = new Map((await database.db.select().from(vehicles)).map((v) => [v.id, v.plate]));
    for (let i = 0; i < ticks; i++) await sim.tick(new Date(MONDAY_8AM + i * STEP_MS));
    return published.map((v) => `${plates.get(v.vehicleId)} ${v.lat},${v.lon} ${v.recordedAt}`);
  } finally {
    await database.dispose();
  }
}

describe.each(testDatabaseKinds)('the living demo on %s', (kind) => {
  it('replays exactly under one seed, and another seed moves the fleet differently', async () => {
    const first = await trace(kind, 42, 20);
    const again = await trace(kind, 42, 20);
    const other = await trace(kind, 43, 20);
    expect(first.length).toBeGreaterThan(20 * simDrivers.length);
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  }, 120_000);

  it('buses run scheduled trips on Monday morning and leave the road at night', async () => {
    const database = await openTestDatabase(kind);
    try {
      const { sim, published } = await simulation(database, 1);
      await sim.tick(new Date(MONDAY_8AM));
      await sim.tick(new Date(MONDAY_8AM + STEP_MS));
      const buses = await database.db.select().from(vehicles).where(inArray(vehicles.plate, simBusPlates));
      expect(buses.map((b) => b.status)).toEqual(buses.map(() => 'available'));
      const busIds = new Set(buses.map((b) => b.id));
      const busFixes = published.filter((v) => busIds.has(v.vehicleId));
      expect(busFixes.length).toBe(2 * simBusPlates.length);
      // Each on a road of the network: close to some stop-to-stop shape point, inside Kigali.
      for (const fix of busFixes) {
        const nearest = Math.min(
          ...network.shapes.flatMap((s) =>
            Array.from(s.lat, (lat, i) => haversine(lat, s.lon[i]!, fix.lat, fix.lon)),
          ),
        );
        expect(nearest).toBeLessThan(2000);
      }
      // Each a tracked trip for GTFS-Realtime: a distinct scheduled trip of that service day, where it is now.
      const runs = buses.map((b) =>
        findScheduledTrip(network, {
          tripId: b.tripId!,
          startDate: b.tripStartDate!,
          startTime: b.tripStartTime!,
        }),
      );
      expect(buses.map((b) => b.tripStartDate)).toEqual(buses.map(() => '20261207'));
      expect(new Set(runs.map((r) => `${r!.pattern}:${r!.trip}`)).size).toBe(buses.length);
      for (const [i, b] of buses.entries()) {
        const at = busPosition(network, runs[i]!, new Date(MONDAY_8AM + STEP_MS))!;
        const fix = busFixes.filter((v) => v.vehicleId === b.id).at(-1)!;
        expect(haversine(at.lat, at.lon, fix.lat, fix.lon)).toBeLessThan(1);
      }
      // 02:00 in Kigali: nothing runs, the buses go off shift (off the live map).
      const night = Date.parse('2026-12-08T00:00:00Z');
      await sim.tick(new Date(night));
      const after = await database.db.select().from(vehicles).where(inArray(vehicles.plate, simBusPlates));
      expect(after.map((b) => b.status)).toEqual(after.map(() => 'off_duty'));
      expect(after.map((b) => b.tripId)).toEqual(after.map(() => null));
    } finally {
      await database.dispose();
    }
  }, 120_000);

  it('a rider’s booking is taken, driven along the roads and completed; the manual demo driver is never moved', async () => {
    const database = await openTestDatabase(kind);
    const { db } = database;
    try {
      await seedDemoData(db);
      const { sim, tripDocs } = await simulation(database, 7);
      let now = MONDAY_8AM;
      await sim.tick(new Date(now));
      // The rider stands 300 m from the first simulated moto and rides 1.5 km.
      const [moto] = await db
        .select({ lat: vehicleLive.lat, lon: vehicleLive.lon })
        .from(vehicleLive)
        .innerJoin(vehicles, eq(vehicles.id, vehicleLive.vehicleId))
        .where(eq(vehicles.plate, simDrivers[0].vehicle.plate));
      const origin = { lat: moto!.lat + 0.0027, lon: moto!.lon, label: 'Stage' };
      const destination = { lat: origin.lat, lon: origin.lon + 0.0135, label: 'Market' };
      const rider = await makeUser(db, randomBytes(32).toString('hex'), 'rider');
      const booked = await db.transaction((tx) =>
        bookIntent(
          tx,
          rider.id,
          makeIntent({ origin, destination, createdAt: new Date(now).toISOString() }),
          new Date(now),
          defaultDispatchPolicy,
          testServiceArea,
        ),
      );
      let status = '';
      for (let i = 0; i < 400 && status !== 'completed'; i++) {
        now += STEP_MS;
        await sim.tick(new Date(now));
        const [trip] = await db.select().from(trips).where(eq(trips.id, booked.tripId!));
        status = trip!.status;
      }
      expect(status).toBe('completed');
      const events = await db
        .select({ to: tripEvents.toStatus })
        .from(tripEvents)
        .where(eq(tripEvents.tripId, booked.tripId!))
        .orderBy(asc(tripEvents.createdAt));
      expect(events.map((e) => e.to)).toEqual(
        expect.arrayContaining(['accepted', 'driver_arrived', 'in_progress', 'completed']),
      );
      // It arrived where the rider was and ended where they were going, along the roads in between.
      const [trip] = await db.select().from(trips).where(eq(trips.id, booked.tripId!));
      const [vehicle] = await db.select().from(vehicles).where(eq(vehicles.id, trip!.vehicleId!));
      expect(vehicle!.simulated).toBe(true);
      const [end] = await db.select().from(vehicleLive).where(eq(vehicleLive.vehicleId, vehicle!.id));
      expect(haversine(end!.lat, end!.lon, destination.lat, destination.lon)).toBeLessThan(50);
      // The demo's own vehicles (the manual driver's moto among them) got no position from the simulation.
      const manual = await db.select({ id: vehicles.id }).from(vehicles).where(eq(vehicles.simulated, false));
      const theirs = await db
        .select()
        .from(positions)
        .where(
          inArray(
            positions.vehicleId,
            manual.map((m) => m.id),
          ),
        );
      expect(theirs).toEqual([]);
      // The rider was told; the simulated driver's account was sent nothing.
      await tripDocs.idle();
      const simulated = await db.select({ email: users.email }).from(users).where(eq(users.simulated, true));
      const mail = await db.select().from(outbox).where(eq(outbox.topic, 'email'));
      const to = mail.map((m) => (m.payload as { to: string }).to);
      const [riderRow] = await db.select().from(users).where(eq(users.id, rider.id));
      expect(to).toContain(riderRow!.email);
      expect(to.filter((t) => simulated.some((s) => s.email === t))).toEqual([]);
      const [driver] = await db
        .select()
        .from(users)
        .where(and(eq(users.id, trip!.driverId!), eq(users.simulated, true)));
      expect(driver).toBeDefined();
    } finally {
      await database.dispose();
    }
  }, 300_000);
});

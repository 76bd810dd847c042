import { randomUUID } from 'node:crypto';
import type { BookingIntent, LatLon, Role, VehicleKind } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import { signAccessToken } from '../auth/tokens';
import type { Db } from '../db/client';
import { users, vehicleLive, vehicles } from '../db/schema';
import { openShift } from '../tracking/shifts';

/** Kigali city centre (near the Downtown bus terminal): where booking tests pick up. */
export const CITY_CENTRE: LatLon = { lat: -1.9441, lon: 30.0619 };
/** Kimironko market, about 7.5 km east: a typical destination. */
export const KIMIRONKO: LatLon = { lat: -1.9496, lon: 30.1256 };

let counter = 0;

/**
 * A user with an access token, written straight to the database: tests that need fifty riders should not pay
 * fifty scrypt hashes and the login rate limit. They cannot sign in with a password (none is set).
 */
export async function makeUser(db: Db, secret: string, role: Role, name = `Test ${role} ${++counter}`) {
  const [row] = await db
    .insert(users)
    .values({
      email: `${randomUUID()}@test.kigaligo.rw`,
      passwordHash: 'none',
      name,
      role,
      phone: '+250788000000',
    })
    .returning();
  return {
    id: row!.id,
    name,
    token: await signAccessToken({ userId: row!.id, role, sessionId: randomUUID() }, secret),
  };
}

/** A driver on shift with a vehicle of `kind` whose live position is `at` (fresh unless `recordedAt` says so). */
export async function makeDriverOnShift(
  db: Db,
  secret: string,
  opts: { kind?: VehicleKind; at?: LatLon; recordedAt?: Date } = {},
) {
  const driver = await makeUser(db, secret, 'driver');
  const n = ++counter;
  const plate = `RT ${String(n % 1000).padStart(3, '0')} ${String.fromCharCode(65 + (Math.floor(n / 1000) % 26))}`;
  const [vehicle] = await db
    .insert(vehicles)
    .values({
      kind: opts.kind ?? 'moto',
      plate,
      capacity: { moto: 1, car: 4, bus: 70 }[opts.kind ?? 'moto'],
      operator: 'Test co-op',
      status: 'available',
      driverId: driver.id,
    })
    .returning();
  await openShift(db, driver.id, vehicle!.id);
  const at = opts.at ?? CITY_CENTRE;
  await db
    .insert(vehicleLive)
    .values({ vehicleId: vehicle!.id, lat: at.lat, lon: at.lon, recordedAt: opts.recordedAt ?? new Date() });
  return { driver, vehicleId: vehicle!.id, plate };
}

/** Takes every available vehicle off duty, so a test sees only the fleet it creates. */
export async function parkFleet(db: Db): Promise<void> {
  await db.update(vehicles).set({ status: 'off_duty' }).where(eq(vehicles.status, 'available'));
}

/** A booking intent from the city centre to Kimironko, made now. */
export function makeIntent(overrides: Partial<BookingIntent> = {}): BookingIntent {
  return {
    id: randomUUID(),
    kind: 'moto',
    origin: { ...CITY_CENTRE, label: 'Downtown' },
    destination: { ...KIMIRONKO, label: 'Kimironko' },
    paymentMethod: 'cash',
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/**
 * The vehicle runs a scheduled trip of the active feed, as the demo simulation or trip matching would record
 * it (GTFS-Realtime's trip_id, start_date, start_time). The live roster picks it up at its next re-read.
 */
export async function assignScheduledTrip(
  db: Db,
  vehicleId: string,
  trip: { tripId: string; startDate: string; startTime: string },
): Promise<void> {
  await db
    .update(vehicles)
    .set({ tripId: trip.tripId, tripStartDate: trip.startDate, tripStartTime: trip.startTime })
    .where(eq(vehicles.id, vehicleId));
}

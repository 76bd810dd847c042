import type { TrackedVehicle } from '@kigaligo/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { POSITION_FRESH_MS } from '../booking/find-vehicles';
import type { Db } from '../db/client';
import { users, vehicleLive, vehicles } from '../db/schema';
import { openShift } from '../tracking/shifts';
import { demoAccounts, demoVehicles } from './demo-data';

/** Near the Downtown bus terminal (Nyarugenge): central, so a demo booking anywhere downtown finds the moto. */
export const DEMO_MOTO_POSITION = { lat: -1.9445, lon: 30.0605 };

/**
 * Demo only (`SEED_DEMO_DATA`, never in production): at every start, the demo driver is on shift on the demo
 * moto with a fresh live position downtown, so a newcomer's first booking in the rider app finds a vehicle
 * before anyone has opened the driver app and shared GPS. Leaves the moto alone when it is on a trip, when the
 * demo driver is on shift on another vehicle, or when its position is still fresh (the driver app is sharing).
 * Only `vehicle_live` is written, never a stored fix, so the driver app's first real fixes are not judged
 * against this one. Returns the live vehicle when it placed the moto.
 */
export async function warmDemoFleet(
  db: Db,
  now = new Date(),
  /** False for the periodic refresh: a demo driver who ended their shift stays off it. */
  putOnShift = true,
): Promise<TrackedVehicle | null> {
  const [driver] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, demoAccounts[1].email));
  if (!driver) return null;
  const plate = demoVehicles[0]!.plate;
  return db.transaction(async (tx) => {
    const mine = await tx.select().from(vehicles).where(eq(vehicles.driverId, driver.id)).for('update');
    const moto = mine.find((v) => v.plate === plate);
    if (!moto || !(putOnShift ? ['off_duty', 'available'] : ['available']).includes(moto.status)) return null;
    if (mine.some((v) => v.id !== moto.id && v.status !== 'off_duty' && v.status !== 'inactive')) return null;
    const [live] = await tx.select().from(vehicleLive).where(eq(vehicleLive.vehicleId, moto.id));
    if (live && now.getTime() - live.recordedAt.getTime() < POSITION_FRESH_MS / 2) return null;
    await tx
      .update(vehicles)
      .set({ status: 'available' })
      .where(and(eq(vehicles.id, moto.id), inArray(vehicles.status, ['off_duty', 'available'])));
    await openShift(tx, driver.id, moto.id, now);
    const values = { vehicleId: moto.id, ...DEMO_MOTO_POSITION, recordedAt: now, speed: 0, heading: null };
    await tx
      .insert(vehicleLive)
      .values(values)
      .onConflictDoUpdate({
        target: vehicleLive.vehicleId,
        set: values,
        setWhere: sql`${vehicleLive.recordedAt} < excluded.recorded_at`,
      });
    return {
      vehicleId: moto.id as TrackedVehicle['vehicleId'],
      kind: moto.kind,
      plate: moto.plate,
      ...DEMO_MOTO_POSITION,
      recordedAt: now.toISOString(),
      speed: 0,
      heading: null,
      stale: false,
    };
  });
}

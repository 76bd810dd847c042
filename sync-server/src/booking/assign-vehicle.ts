import type { Place } from '@kigaligo/domain';
import { DEFAULT_OPTIONS, motoRide } from '@kigaligo/planner';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users, vehicles } from '../db/schema';
import { notifyUser } from '../notifications/notify-user';
import { lockIfAvailable, nearbyCandidates } from './find-vehicles';
import { moveTrip, type TripRow } from './trip-moves';

/** Candidates tried before giving up; each taken one costs a locked read. */
const MAX_TRIES = 25;

/** Postgres unique violation (23505) on `constraint`, as postgres.js or PGlite report it through drizzle. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  for (
    let e = err as
      | { code?: string; constraint?: string; constraint_name?: string; cause?: unknown }
      | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === '23505') return (e.constraint ?? e.constraint_name) === constraint;
  }
  return false;
}

/**
 * Assigns the nearest free vehicle to a `requested` trip (locked by the caller), or returns null when there is
 * none. A vehicle is never assigned twice: candidates are locked one at a time with SKIP LOCKED and re-checked,
 * and should two trips still race for one vehicle, the partial unique index `trips_one_live_per_vehicle`
 * refuses the second (inside a savepoint, so the next candidate can be tried). Tells the rider.
 */
export async function assignNearest(
  tx: Db,
  trip: TripRow,
  now: Date,
  excludeDriverIds: string[] = [],
): Promise<TripRow | null> {
  const kind = trip.kind === 'car' ? 'car' : 'moto';
  const origin = trip.origin as Place;
  const candidates = await nearbyCandidates(tx, kind, origin, now, excludeDriverIds);
  for (const c of candidates.slice(0, MAX_TRIES)) {
    if (!(await lockIfAvailable(tx, c))) continue;
    // The planner's moto timing (detoured street distance at 20 km/h plus its pickup allowance, which here
    // covers the driver seeing and accepting the job); we have no separate figure for cars in traffic.
    const etaMinutes = Math.ceil(motoRide(c, origin, DEFAULT_OPTIONS.detour).secs / 60);
    let assigned: TripRow;
    try {
      assigned = await tx.transaction(async (sp) => {
        const row = await moveTrip(sp, trip, 'assigned', {
          actorId: null,
          what: 'assign a vehicle',
          set: { vehicleId: c.vehicleId, driverId: c.driverId, etaMinutes },
        });
        await sp.update(vehicles).set({ status: 'on_trip' }).where(eq(vehicles.id, c.vehicleId));
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'trips_one_live_per_vehicle')) continue;
      throw err;
    }
    const [info] = await tx
      .select({ driver: users.name, plate: vehicles.plate })
      .from(vehicles)
      .innerJoin(users, eq(users.id, vehicles.driverId))
      .where(eq(vehicles.id, c.vehicleId));
    await notifyUser(
      tx,
      trip.riderId,
      'trip_assigned',
      {
        driver: info?.driver.split(' ')[0] ?? '',
        plate: info?.plate ?? '',
        eta: etaMinutes,
        fare: trip.fareAmount,
      },
      `trip:${trip.id}:assigned:${c.vehicleId}`,
    );
    return assigned;
  }
  return null;
}

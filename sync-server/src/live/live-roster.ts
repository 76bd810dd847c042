import { and, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client';
import { trips, vehicles } from '../db/schema';
import type { Roster, TrackedTrip } from './visibility';

/** Trips whose rider sees their vehicle exactly: the driver accepted and the ride is not over. */
const RIDING = ['accepted', 'driver_arrived', 'in_progress'] as const;

/** Reads who is on shift (and on which scheduled trip) and who rides in what: two small indexed reads, the whole fleet at once. */
export async function loadRoster(db: Db): Promise<Roster> {
  const [shifts, rides] = await Promise.all([
    db
      .select({
        id: vehicles.id,
        driverId: vehicles.driverId,
        tripId: vehicles.tripId,
        tripStartDate: vehicles.tripStartDate,
        tripStartTime: vehicles.tripStartTime,
      })
      .from(vehicles)
      .where(inArray(vehicles.status, ['available', 'on_trip'])),
    db
      .select({ riderId: trips.riderId, vehicleId: trips.vehicleId })
      .from(trips)
      .where(and(inArray(trips.status, [...RIDING]), isNotNull(trips.vehicleId))),
  ]);
  const riding = new Map<string, Set<string>>();
  for (const r of rides) {
    if (!r.vehicleId) continue;
    riding.set(r.riderId, (riding.get(r.riderId) ?? new Set()).add(r.vehicleId));
  }
  const tracked = new Map<string, TrackedTrip>();
  for (const s of shifts)
    if (s.tripId && s.tripStartDate && s.tripStartTime)
      tracked.set(s.id, { tripId: s.tripId, startDate: s.tripStartDate, startTime: s.tripStartTime });
  return { onShift: new Map(shifts.map((s) => [s.id, s.driverId])), riding, tracked };
}

import { canTransitionTrip, type TripStatus } from '@kigaligo/domain';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tripEvents, trips, vehicles } from '../db/schema';
import { conflict, notFound } from '../domain-error';

export type TripRow = typeof trips.$inferSelect;

/** The trip with its row locked for the rest of the transaction: every change to a trip starts here. */
export async function lockTrip(tx: Db, tripId: string): Promise<TripRow> {
  const [row] = await tx.select().from(trips).where(eq(trips.id, tripId)).for('update');
  if (!row) throw notFound('No such trip');
  return row;
}

/** Whether an action (driver action id, `cancel:<intentId>`) was already applied: replays are no-ops. */
export async function alreadyApplied(tx: Db, actionId: string): Promise<{ tripId: string } | undefined> {
  const [row] = await tx
    .select({ tripId: tripEvents.tripId })
    .from(tripEvents)
    .where(eq(tripEvents.actionId, actionId));
  return row;
}

export function invalidTransition(status: TripStatus, what: string) {
  return conflict('invalid_transition', `Cannot ${what}: the trip is ${status.replace('_', ' ')}`);
}

/**
 * Moves a locked trip along the domain state machine and records the event; anything the machine does not
 * allow is refused with 409 `invalid_transition`. `set` carries the columns that change with the status.
 */
export async function moveTrip(
  tx: Db,
  trip: TripRow,
  to: TripStatus,
  opts: { actorId: string | null; actionId?: string; what: string; set?: Partial<TripRow> },
): Promise<TripRow> {
  if (!canTransitionTrip(trip.status, to)) throw invalidTransition(trip.status, opts.what);
  const [row] = await tx
    .update(trips)
    .set({ ...opts.set, status: to, updatedAt: new Date() })
    .where(eq(trips.id, trip.id))
    .returning();
  await tx.insert(tripEvents).values({
    tripId: trip.id,
    actorId: opts.actorId,
    fromStatus: trip.status,
    toStatus: to,
    actionId: opts.actionId ?? null,
  });
  return row!;
}

/** The trip's vehicle is free again, unless its driver ended the shift meanwhile (then it stays off duty). */
export async function freeVehicle(tx: Db, vehicleId: string | null): Promise<void> {
  if (!vehicleId) return;
  await tx
    .update(vehicles)
    .set({ status: 'available' })
    .where(and(eq(vehicles.id, vehicleId), eq(vehicles.status, 'on_trip')));
}

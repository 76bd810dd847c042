import { type DriverActionInput, type DriverActionResult, driverActionTarget } from '@kigaligo/domain';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tripEvents, users, vehicles } from '../db/schema';
import { conflict, notFound } from '../http/errors';
import { notifyUser } from '../notifications/notify-user';
import { paymentSummary, settleCancellation, settleCash } from '../payments/payment-service';
import { assignNearest } from './assign-vehicle';
import { alreadyApplied, freeVehicle, lockTrip, moveTrip, type TripRow } from './trip-moves';

const methodNames = { card: 'card', mobile_money: 'mobile money', cash: 'cash' } as const;

async function driverAndPlate(tx: Db, trip: TripRow) {
  const [row] = await tx
    .select({ name: users.name, plate: vehicles.plate })
    .from(users)
    .innerJoin(vehicles, eq(vehicles.id, trip.vehicleId!))
    .where(eq(users.id, trip.driverId!));
  return { driver: row?.name.split(' ')[0] ?? '', plate: row?.plate ?? '' };
}

/** Declined: the vehicle is free again and the trip goes to the nearest other driver, or is turned down. */
async function decline(tx: Db, trip: TripRow, driverId: string, actionId: string, now: Date) {
  const requested = await moveTrip(tx, trip, 'requested', {
    actorId: driverId,
    actionId,
    what: 'decline',
    set: { vehicleId: null, driverId: null, etaMinutes: null },
  });
  await freeVehicle(tx, trip.vehicleId);
  const decliners = await tx
    .selectDistinct({ id: tripEvents.actorId })
    .from(tripEvents)
    .where(
      and(
        eq(tripEvents.tripId, trip.id),
        eq(tripEvents.fromStatus, 'assigned'),
        eq(tripEvents.toStatus, 'requested'),
      ),
    );
  const exclude = decliners.flatMap((d) => (d.id ? [d.id] : []));
  if (await assignNearest(tx, requested, now, exclude)) return;
  await moveTrip(tx, requested, 'rejected', {
    actorId: null,
    what: 'turn the booking down',
    set: { rejectReason: 'no_vehicle_available' },
  });
  // Nothing is owed for a ride nobody could give: void or refund the payment.
  await settleCancellation(tx, trip.id, 0, driverId);
  await notifyUser(tx, trip.riderId, 'trip_cancelled', { fee: 0 }, `trip:${trip.id}:rejected`);
}

/**
 * Applies a driver's action (from `POST /api/trips/:id/actions` or the driver document) in the caller's
 * transaction. The trip row is locked first, so the same action arriving by both paths at once is applied
 * once: the second sees its id in `trip_events` and changes nothing. Throws HttpError (404 not assigned,
 * 409 `invalid_transition`) for what cannot be done.
 */
export async function applyDriverAction(
  tx: Db,
  driverId: string,
  input: DriverActionInput,
  now: Date,
): Promise<DriverActionResult> {
  const trip = await lockTrip(tx, input.tripId);
  const applied = await alreadyApplied(tx, input.id);
  if (applied) {
    if (applied.tripId !== trip.id)
      throw conflict('action_id_taken', 'This action id was used for another trip');
    const status = trip.driverId === driverId ? trip.status : driverActionTarget[input.action];
    return { ok: true, tripStatus: status, appliedAt: now.toISOString() };
  }
  if (trip.driverId !== driverId) throw notFound('This trip is not assigned to you');
  const opts = { actorId: driverId, actionId: input.id };
  switch (input.action) {
    case 'accept':
      await moveTrip(tx, trip, 'accepted', { ...opts, what: 'accept' });
      break;
    case 'decline':
      await decline(tx, trip, driverId, input.id, now);
      break;
    case 'arrive': {
      await moveTrip(tx, trip, 'driver_arrived', { ...opts, what: 'mark arrived' });
      await notifyUser(
        tx,
        trip.riderId,
        'driver_arriving',
        await driverAndPlate(tx, trip),
        `trip:${trip.id}:arrived`,
      );
      break;
    }
    case 'start':
      await moveTrip(tx, trip, 'in_progress', { ...opts, what: 'start the ride' });
      break;
    case 'complete': {
      await moveTrip(tx, trip, 'completed', { ...opts, what: 'complete' });
      await freeVehicle(tx, trip.vehicleId);
      let payment = await paymentSummary(tx, trip.id);
      if (input.cashCollected && payment?.method === 'cash' && payment.status === 'pending') {
        await settleCash(tx, trip.id, driverId);
        payment = await paymentSummary(tx, trip.id);
      }
      const method = payment?.method ?? trip.paymentMethod;
      await notifyUser(
        tx,
        trip.riderId,
        'trip_completed',
        { fare: payment?.amount ?? trip.fareAmount, method: methodNames[method] },
        `trip:${trip.id}:completed`,
      );
      break;
    }
  }
  return { ok: true, tripStatus: driverActionTarget[input.action], appliedAt: now.toISOString() };
}

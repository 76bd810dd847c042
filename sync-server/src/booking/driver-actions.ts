import {
  type DispatchPolicy,
  type DriverActionInput,
  type DriverActionResult,
  driverActionTarget,
  isOfferExpired,
} from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { users, vehicles } from '../db/schema';
import { conflict, notFound } from '../domain-error';
import { notifyUser } from '../notifications/notify-user';
import { paymentSummary, settleCash } from '../payments/payment-service';
import {
  closeOffer,
  endOffer,
  type OfferRow,
  offerNextOrGiveUp,
  offersOf,
  openOffer,
} from './dispatch-offers';
import {
  alreadyApplied,
  freeVehicle,
  invalidTransition,
  lockTrip,
  moveTrip,
  type TripRow,
} from './trip-moves';

async function driverAndPlate(tx: Db, trip: TripRow) {
  const [row] = await tx
    .select({ name: users.name, plate: vehicles.plate })
    .from(users)
    .innerJoin(vehicles, eq(vehicles.id, trip.vehicleId!))
    .where(eq(users.id, trip.driverId!));
  return { driver: row?.name.split(' ')[0] ?? '', plate: row?.plate ?? '' };
}

/** The latest offer of this trip to this driver, if it had one. */
async function lastOfferTo(tx: Db, tripId: string, driverId: string): Promise<OfferRow | undefined> {
  return (await offersOf(tx, tripId)).filter((o) => o.driverId === driverId).at(-1);
}

const offerExpired = () =>
  conflict('offer_expired', 'This ride offer expired before you accepted it; it went to another driver.');

/**
 * Why a driver who is not (or no longer) the trip's driver cannot act on it: their offer expired, they
 * declined it, or the rider cancelled while it waited. Someone never offered the trip gets a plain 404.
 */
async function notYours(tx: Db, trip: TripRow, driverId: string) {
  const offer = await lastOfferTo(tx, trip.id, driverId);
  switch (offer?.status) {
    case 'expired':
      return offerExpired();
    case 'declined':
      return conflict('offer_declined', 'You declined this ride; it went to another driver.');
    case 'withdrawn':
      return conflict('offer_withdrawn', 'The rider cancelled this ride before you answered.');
    default:
      return notFound('This trip is not assigned to you');
  }
}

/**
 * Applies a driver's action (from `POST /api/trips/:id/actions` or the driver document) in the caller's
 * transaction. The trip row is locked first, so the same action arriving by both paths at once is applied
 * once: the second sees its id in `trip_events` and changes nothing. Throws DomainError (404 not assigned,
 * 409 `invalid_transition`) for what cannot be done.
 */
export async function applyDriverAction(
  tx: Db,
  driverId: string,
  input: DriverActionInput,
  now: Date,
  policy: DispatchPolicy,
): Promise<DriverActionResult> {
  const trip = await lockTrip(tx, input.tripId);
  const applied = await alreadyApplied(tx, input.id);
  if (applied) {
    if (applied.tripId !== trip.id)
      throw conflict('action_id_taken', 'This action id was used for another trip');
    const status = trip.driverId === driverId ? trip.status : driverActionTarget[input.action];
    return { ok: true, tripStatus: status, appliedAt: now.toISOString() };
  }
  if (trip.driverId !== driverId) throw await notYours(tx, trip, driverId);
  const opts = { actorId: driverId, actionId: input.id };
  switch (input.action) {
    case 'accept': {
      const offer = trip.status === 'assigned' ? await openOffer(tx, trip.id) : undefined;
      // Expired but not yet moved on by the dispatch worker: refused all the same (it moves on within a tick).
      if (offer && isOfferExpired(offer.expiresAt, now)) throw offerExpired();
      await moveTrip(tx, trip, 'accepted', { ...opts, what: 'accept' });
      if (offer) await closeOffer(tx, offer.id, 'accepted', now);
      const { driver, plate } = await driverAndPlate(tx, trip);
      await notifyUser(
        tx,
        trip.riderId,
        'trip_assigned',
        { driver, plate, eta: trip.etaMinutes ?? 0, fare: trip.fareAmount },
        `trip:${trip.id}:accepted:${trip.vehicleId}`,
        { tripId: trip.id },
      );
      break;
    }
    case 'decline': {
      const offer = trip.status === 'assigned' ? await openOffer(tx, trip.id) : undefined;
      if (!offer) throw invalidTransition(trip.status, 'decline');
      const requested = await endOffer(tx, trip, offer, 'declined', now, input.id);
      await offerNextOrGiveUp(tx, requested, now, policy);
      break;
    }
    case 'arrive': {
      await moveTrip(tx, trip, 'driver_arrived', { ...opts, what: 'mark arrived' });
      await notifyUser(
        tx,
        trip.riderId,
        'driver_arriving',
        await driverAndPlate(tx, trip),
        `trip:${trip.id}:arrived`,
        { tripId: trip.id },
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
        { fare: payment?.amount ?? trip.fareAmount, method },
        `trip:${trip.id}:completed`,
        { tripId: trip.id },
      );
      break;
    }
  }
  return { ok: true, tripStatus: driverActionTarget[input.action], appliedAt: now.toISOString() };
}

import {
  type DispatchPolicy,
  isOfferExpired,
  mayOfferAgain,
  type OfferStatus,
  offerExpiresAt,
  type Place,
} from '@kigaligo/domain';
import { roadEtaSeconds } from '@kigaligo/planner';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tripOffers, vehicles } from '../db/schema';
import { notifyUser } from '../notifications/notify-user';
import { settleCancellation } from '../payments/payment-service';
import { lockFirstAvailable, nearbyCandidates } from './find-vehicles';

import { freeVehicle, moveTrip, type TripRow } from './trip-moves';

/** Candidates tried per offer before giving up (all locked in one statement, nearest free first). */
const MAX_TRIES = 25;

export type OfferRow = typeof tripOffers.$inferSelect;

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

/** Every offer made for the trip, first first. */
export function offersOf(tx: Db, tripId: string): Promise<OfferRow[]> {
  return tx.select().from(tripOffers).where(eq(tripOffers.tripId, tripId)).orderBy(asc(tripOffers.offeredAt));
}

/** The trip's waiting offer, locked (the caller holds the trip's lock, so lock order is always trip → offer). */
export async function openOffer(tx: Db, tripId: string): Promise<OfferRow | undefined> {
  const [row] = await tx
    .select()
    .from(tripOffers)
    .where(and(eq(tripOffers.tripId, tripId), eq(tripOffers.status, 'offered')))
    .for('update');
  return row;
}

/**
 * Offers a `requested` trip (locked by the caller) to the vehicle that reaches the pickup soonest, skipping
 * drivers already asked for this trip; null when none is left or the trip has had its `maxOffers`. A vehicle
 * is never offered two trips: candidates are locked one at a time with SKIP LOCKED and re-checked, and
 * should two trips still race for one vehicle, the partial unique index `trips_one_live_per_vehicle` refuses
 * the second (inside a savepoint, so the next candidate can be tried). The vehicle is held (`on_trip`) only
 * until the offer is answered or expires.
 */
export async function offerNext(
  tx: Db,
  trip: TripRow,
  now: Date,
  policy: DispatchPolicy,
  /** The trip's offers so far, when the caller knows them (none for a trip it just created). */
  previous?: OfferRow[],
): Promise<TripRow | null> {
  previous ??= await offersOf(tx, trip.id);
  if (!mayOfferAgain(previous.length, policy)) return null;
  const kind = trip.kind === 'car' ? 'car' : 'moto';
  const origin = trip.origin as Place;
  const asked = [...new Set(previous.map((o) => o.driverId))];
  const ranked = (await nearbyCandidates(tx, kind, origin, now, asked))
    .map((c) => ({ ...c, etaSecs: roadEtaSeconds(c, origin) }))
    .sort((a, b) => a.etaSecs - b.etaSecs || a.vehicleId.localeCompare(b.vehicleId));
  let untried = ranked.slice(0, MAX_TRIES);
  for (;;) {
    const c = await lockFirstAvailable(tx, untried);
    if (!c) return null;
    // Those before it were taken by other bookings; this one is tried now.
    untried = untried.slice(untried.indexOf(c) + 1);
    const etaMinutes = Math.ceil(c.etaSecs / 60);
    try {
      return await tx.transaction(async (sp) => {
        const row = await moveTrip(sp, trip, 'assigned', {
          actorId: null,
          what: 'offer the ride to a driver',
          set: { vehicleId: c.vehicleId, driverId: c.driverId, etaMinutes },
        });
        await sp.update(vehicles).set({ status: 'on_trip' }).where(eq(vehicles.id, c.vehicleId));
        await sp.insert(tripOffers).values({
          tripId: trip.id,
          vehicleId: c.vehicleId,
          driverId: c.driverId,
          etaMinutes,
          offeredAt: now,
          expiresAt: offerExpiresAt(now, policy),
        });
        return row;
      });
    } catch (err) {
      if (isUniqueViolation(err, 'trips_one_live_per_vehicle')) continue;
      throw err;
    }
  }
}

/** Answers an offer once: a row already answered (by another path, another node) is left as it is. */
export async function closeOffer(
  tx: Db,
  offerId: string,
  status: Exclude<OfferStatus, 'offered'>,
  now: Date,
): Promise<void> {
  await tx
    .update(tripOffers)
    .set({ status, answeredAt: now })
    .where(and(eq(tripOffers.id, offerId), eq(tripOffers.status, 'offered')));
}

/**
 * Ends the trip's waiting offer without a ride (declined by its driver, or expired), frees the
 * vehicle at once and puts the trip back to `requested`. `actionId` makes a replayed decline a no-op.
 */
export async function endOffer(
  tx: Db,
  trip: TripRow,
  offer: OfferRow,
  how: 'declined' | 'expired',
  now: Date,
  actionId: string,
): Promise<TripRow> {
  await closeOffer(tx, offer.id, how, now);
  const requested = await moveTrip(tx, trip, 'requested', {
    actorId: how === 'declined' ? offer.driverId : null,
    actionId,
    what: how === 'declined' ? 'decline' : 'expire the offer',
    set: { vehicleId: null, driverId: null, etaMinutes: null },
  });
  await freeVehicle(tx, offer.vehicleId);
  return requested;
}

/**
 * After an offer ended unanswered: the next vehicle, or — when none is left or the trip has had its offers —
 * the rider is told no driver was found, and nothing is charged (the payment is voided, or refunded if it
 * had been collected). Returns the trip as it now is.
 */
export async function offerNextOrGiveUp(
  tx: Db,
  requested: TripRow,
  now: Date,
  policy: DispatchPolicy,
): Promise<TripRow> {
  const next = await offerNext(tx, requested, now, policy);
  if (next) return next;
  const rejected = await moveTrip(tx, requested, 'rejected', {
    actorId: null,
    what: 'give up the search',
    set: { rejectReason: 'no_driver_found' },
  });
  await settleCancellation(tx, requested.id, 0, requested.riderId);
  await notifyUser(tx, requested.riderId, 'no_driver_found', {}, `trip:${requested.id}:no_driver`, {
    tripId: requested.id,
  });
  return rejected;
}

/**
 * The dispatch worker's step for one trip whose offer may have expired: locks the trip, re-checks the offer
 * under the lock (another node, an accept or a decline may have answered it meanwhile) and moves on.
 * Returns whether anything changed.
 */
export async function expireOffer(
  tx: Db,
  trip: TripRow,
  now: Date,
  policy: DispatchPolicy,
): Promise<boolean> {
  if (trip.status !== 'assigned') return false;
  const offer = await openOffer(tx, trip.id);
  if (!offer || !isOfferExpired(offer.expiresAt, now)) return false;
  const requested = await endOffer(tx, trip, offer, 'expired', now, `expire:${offer.id}`);
  await offerNextOrGiveUp(tx, requested, now, policy);
  return true;
}

import {
  type BookingIntent,
  type BookingRejectReason,
  type DispatchPolicy,
  fareFor,
  isInArea,
  isIntentStale,
  type ServiceArea,
} from '@kigaligo/domain';
import { DEFAULT_OPTIONS, motoRide } from '@kigaligo/planner';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { tripEvents, trips, users } from '../db/schema';
import { conflict, DomainError } from '../domain-error';
import { intentFingerprint } from '../http/request-fingerprint';
import { startPayment } from '../payments/payment-service';
import { offerNext } from './dispatch-offers';
import { moveTrip, type TripRow } from './trip-moves';

export interface BookingResult {
  tripId: string;
  /** The intent had been booked (or turned down) before: nothing was done now. */
  replay: boolean;
}

async function tripForIntent(tx: Db, intentId: string): Promise<TripRow | undefined> {
  const [row] = await tx.select().from(trips).where(eq(trips.intentId, intentId));
  return row;
}

function replayOf(row: TripRow, riderId: string, fingerprint: string): BookingResult {
  // Intent ids are chosen on devices; one that names another rider's booking must not reveal it.
  if (row.riderId !== riderId)
    throw conflict('intent_id_taken', 'This booking id is already used; book again');
  // The id is the booking's idempotency key: the same id with another trip (other places, kind or payment) is
  // not a retry, and answering it with the first booking would confirm a ride the rider did not ask for.
  // Trips booked before fingerprints were kept have none and replay as before.
  if (row.intentFingerprint !== null && row.intentFingerprint !== fingerprint) {
    throw new DomainError(
      'unprocessable',
      'idempotency_key_reused',
      'This booking id was used for a different booking',
    );
  }
  return { tripId: row.id, replay: true };
}

async function rejectReasonFor(tx: Db, riderId: string, intent: BookingIntent, now: Date, area: ServiceArea) {
  const [rider] = await tx.select({ suspended: users.suspended }).from(users).where(eq(users.id, riderId));
  if (!rider || rider.suspended) return 'account_suspended' satisfies BookingRejectReason;
  if (!isInArea(intent.origin, area) || !isInArea(intent.destination, area)) return 'outside_service_area';
  if (isIntentStale(intent, now)) return 'stale';
  return null;
}

/**
 * The one booking service behind `POST /api/trips` and the rider document's `bookingIntents`: validates,
 * offers the ride to the vehicle nearest the pickup (dispatch-offers.ts), prices the ride, creates the trip and starts its payment, all in the
 * caller's transaction. A booking that cannot be made is a trip in status `rejected` with its reason, so the
 * answer is durable too. `trips.intent_id` is unique: the same intent arriving twice, even at the same moment
 * through both paths, books once (the second insert waits for the first and then does nothing). The caller
 * refreshes the documents (TripDocs) after commit.
 */
export async function bookIntent(
  tx: Db,
  riderId: string,
  intent: BookingIntent,
  now: Date,
  policy: DispatchPolicy,
  /** The active service area (NetworkService.serviceArea()). */
  area: ServiceArea,
): Promise<BookingResult> {
  const fingerprint = intentFingerprint(intent);
  const known = await tripForIntent(tx, intent.id);
  if (known) return replayOf(known, riderId, fingerprint);
  const reason = await rejectReasonFor(tx, riderId, intent, now, area);
  // Priced on the planner's street distance (haversine × its detour factor), as the planner prices motos.
  const distanceMeters = motoRide(intent.origin, intent.destination, DEFAULT_OPTIONS.detour).meters;
  const fare = fareFor(intent.kind, distanceMeters);
  const [created] = await tx
    .insert(trips)
    .values({
      riderId,
      kind: intent.kind,
      status: reason ? 'rejected' : 'requested',
      rejectReason: reason,
      origin: intent.origin,
      destination: intent.destination,
      fareAmount: fare.amount,
      intentId: intent.id,
      intentFingerprint: fingerprint,
      paymentMethod: intent.paymentMethod,
      distanceMeters,
      departAt: new Date(intent.departAt ?? intent.createdAt),
    })
    .onConflictDoNothing({ target: trips.intentId })
    .returning();
  if (!created) return replayOf((await tripForIntent(tx, intent.id))!, riderId, fingerprint);
  await tx.insert(tripEvents).values({
    tripId: created.id,
    actorId: riderId,
    fromStatus: null,
    toStatus: created.status,
    actionId: `book:${intent.id}`,
  });
  if (reason) return { tripId: created.id, replay: false };

  // The first offer goes out now (a trip created just now has had none); with no vehicle free at all the
  // rider hears so at once.
  const offered = await offerNext(tx, created, now, policy, []);
  if (!offered) {
    await moveTrip(tx, created, 'rejected', {
      actorId: null,
      what: 'turn the booking down',
      set: { rejectReason: 'no_vehicle_available' },
    });
    return { tripId: created.id, replay: false };
  }
  await startPayment(tx, {
    tripId: created.id,
    payerId: riderId,
    method: intent.paymentMethod,
    amount: fare.amount,
    payerPhone: intent.payerPhone,
    newTrip: true,
  });
  return { tripId: created.id, replay: false };
}

import {
  type BookingIntent,
  type BookingRejectReason,
  type DispatchPolicy,
  fareFor,
  isInArea,
  isIntentStale,
  offerExpiresAt,
  type ServiceArea,
  type TripStatus,
} from '@kigaligo/domain';
import { DEFAULT_OPTIONS, motoRide } from '@kigaligo/planner';
import { sql } from 'drizzle-orm';
import { type Db, resultRows, uuidArray } from '../db/client';
import { tripEvents, tripOffers, trips, users, vehicles } from '../db/schema';
import { conflict, DomainError } from '../domain-error';
import { intentFingerprint } from '../http/request-fingerprint';
import { startNewTripPayments } from '../payments/payment-service';
import { reserveVehicles } from './reserve-vehicles';

export interface BookingRequest {
  riderId: string;
  intent: BookingIntent;
}

export interface BookingResult {
  tripId: string;
  /** The intent had been booked (or turned down) before: nothing was done now. */
  replay: boolean;
  /** The trip's status after the booking: `assigned` (offered to a driver) or `rejected`, or later on a replay. */
  status: TripStatus;
}

/** A trip the booking created (raw row of the insert). */
interface NewTrip {
  id: string;
  intent_id: string;
  status: TripStatus;
  fare_amount: number;
}

interface BookedRow {
  id: string;
  riderId: string;
  intentFingerprint: string | null;
  status: TripStatus;
}

function replayOf(row: BookedRow, riderId: string, fingerprint: string): BookingResult {
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
  return { tripId: row.id, replay: true, status: row.status };
}

/** The answer of `f`, or the refusal it threw: one request's refusal is not the batch's. */
function answer(f: () => BookingResult): BookingResult | DomainError {
  try {
    return f();
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
}

async function bookedTrips(tx: Db, intentIds: string[]): Promise<Map<string, BookedRow>> {
  const rows = await tx
    .select({
      id: trips.id,
      intentId: trips.intentId,
      riderId: trips.riderId,
      intentFingerprint: trips.intentFingerprint,
      status: trips.status,
    })
    .from(trips)
    .where(sql`${trips.intentId} = any(${uuidArray(intentIds)})`);
  return new Map(rows.map((r) => [r.intentId, r]));
}

function rejectReasonFor(
  suspended: boolean | undefined,
  intent: BookingIntent,
  now: Date,
  area: ServiceArea,
): BookingRejectReason | null {
  if (suspended !== false) return 'account_suspended';
  if (!isInArea(intent.origin, area) || !isInArea(intent.destination, area)) return 'outside_service_area';
  if (isIntentStale(intent, now)) return 'stale';
  return null;
}

/**
 * The one booking service behind `POST /api/trips` (through the booking desk, which hands it the bookings
 * waiting at one moment) and the rider document's `bookingIntents` (one at a time): validates, prices the ride
 * on the planner's street distance, creates the trips, offers each ride to the vehicle nearest its pickup
 * (reserve-vehicles.ts: first come, first served) and starts the payments, all in the caller's transaction and
 * with a fixed number of statements whatever the number of bookings. A booking that cannot be made is a trip
 * in status `rejected` with its reason, so the answer is durable too. `trips.intent_id` is unique: the same
 * intent arriving twice, even at the same moment through both paths, books once (the second insert waits for
 * the first and then does nothing). Answers in `requests`' order; a request refused outright (its id names
 * another booking) gets its DomainError without affecting the others. The caller refreshes the documents
 * (TripDocs) after commit.
 */
export async function bookIntents(
  tx: Db,
  requests: readonly BookingRequest[],
  now: Date,
  policy: DispatchPolicy,
  /** The active service area (NetworkService.serviceArea()). */
  area: ServiceArea,
): Promise<(BookingResult | DomainError)[]> {
  const fingerprints = requests.map((r) => intentFingerprint(r.intent));
  const results: (BookingResult | DomainError | undefined)[] = requests.map(() => undefined);
  const known = await bookedTrips(
    tx,
    requests.map((r) => r.intent.id),
  );
  // The first request for each intent not booked yet books it; repeats in the batch replay that booking.
  const firstOf = new Map<string, number>();
  requests.forEach((r, i) => {
    const row = known.get(r.intent.id);
    if (row) results[i] = answer(() => replayOf(row, r.riderId, fingerprints[i]!));
    else if (!firstOf.has(r.intent.id)) firstOf.set(r.intent.id, i);
  });
  const fresh = [...firstOf.values()];
  const booked = await bookNew(
    tx,
    fresh.map((i) => ({ ...requests[i]!, fingerprint: fingerprints[i]! })),
    now,
    policy,
    area,
  );
  fresh.forEach((i, k) => {
    results[i] = booked[k]!;
  });
  return requests.map((r, i) => {
    const result = results[i];
    if (result) return result;
    const f = firstOf.get(r.intent.id)!;
    const first = results[f]!;
    if (first instanceof DomainError) return first;
    const row = {
      id: first.tripId,
      riderId: requests[f]!.riderId,
      intentFingerprint: fingerprints[f]!,
      status: first.status,
    };
    return answer(() => replayOf(row, r.riderId, fingerprints[i]!));
  });
}

/** One booking; see bookIntents. Throws the refusal of a booking id that names another booking. */
export async function bookIntent(
  tx: Db,
  riderId: string,
  intent: BookingIntent,
  now: Date,
  policy: DispatchPolicy,
  area: ServiceArea,
): Promise<BookingResult> {
  const [result] = await bookIntents(tx, [{ riderId, intent }], now, policy, area);
  if (result instanceof DomainError) throw result;
  return result!;
}

/**
 * Books intents with distinct ids that had no trip when read; answers in their order. Each trip is decided
 * before it is written (turned down with its reason, offered to the vehicle reserved for it, or turned down
 * for want of one), so the trips, their events, the held vehicles and the offers are one statement.
 */
async function bookNew(
  tx: Db,
  requests: (BookingRequest & { fingerprint: string })[],
  now: Date,
  policy: DispatchPolicy,
  area: ServiceArea,
): Promise<(BookingResult | DomainError)[]> {
  if (requests.length === 0) return [];
  const riderIds = [...new Set(requests.map((r) => r.riderId))];
  const riders = await tx
    .select({ id: users.id, suspended: users.suspended })
    .from(users)
    .where(sql`${users.id} = any(${uuidArray(riderIds)})`);
  const suspended = new Map(riders.map((r) => [r.id, r.suspended]));
  const reasons = requests.map((r) => rejectReasonFor(suspended.get(r.riderId), r.intent, now, area));
  const waiting = requests.filter((_, i) => !reasons[i]);
  const reserved = new Map(
    (
      await reserveVehicles(
        tx,
        waiting.map((r) => ({ kind: r.intent.kind, pickup: r.intent.origin })),
        now,
        policy,
      )
    ).map((vehicle, k) => [waiting[k]!.intent.id, vehicle]),
  );
  // Fed as one JSON parameter (as ingest-positions.ts): drizzle building multi-row VALUES lists took the larger
  // part of a batch's time (pnpm bench booking), and the statement's text is the same for any batch.
  const rows = requests.map(({ riderId, intent, fingerprint }, i) => {
    const vehicle = reserved.get(intent.id);
    // Priced on the planner's street distance (haversine × its detour factor), as the planner prices motos.
    const distance = motoRide(intent.origin, intent.destination, DEFAULT_OPTIONS.detour).meters;
    return {
      rider_id: riderId,
      kind: intent.kind,
      status: vehicle ? 'assigned' : 'rejected',
      reject_reason: vehicle ? null : (reasons[i] ?? 'no_vehicle_available'),
      vehicle_id: vehicle?.vehicleId ?? null,
      driver_id: vehicle?.driverId ?? null,
      eta_minutes: vehicle ? Math.ceil(vehicle.etaSecs / 60) : null,
      origin: intent.origin,
      destination: intent.destination,
      fare_amount: fareFor(intent.kind, distance).amount,
      intent_id: intent.id,
      intent_fingerprint: fingerprint,
      payment_method: intent.paymentMethod,
      distance_meters: distance,
      depart_at: intent.departAt ?? intent.createdAt,
    };
  });
  // A trip's history as if booked alone: booked (requested; or rejected outright, for a reason of the rider's
  // or the intent's), then offered to a driver or turned down for want of a vehicle. The vehicle is held
  // (`on_trip`) until the offer is answered. The partial unique index trips_one_live_per_vehicle is the last
  // guard against a vehicle given twice.
  const created = resultRows<NewTrip>(
    await tx.execute(sql`
      with created as (
        insert into ${trips} (rider_id, kind, status, reject_reason, vehicle_id, driver_id, eta_minutes, origin,
          destination, fare_amount, intent_id, intent_fingerprint, payment_method, distance_meters, depart_at)
        select rider_id, kind, status, reject_reason, vehicle_id, driver_id, eta_minutes, origin, destination,
          fare_amount, intent_id, intent_fingerprint, payment_method, distance_meters, depart_at
        from json_to_recordset(${JSON.stringify(rows)}::json) as x(rider_id uuid, kind trip_kind,
          status trip_status, reject_reason text, vehicle_id uuid, driver_id uuid, eta_minutes integer,
          origin jsonb, destination jsonb, fare_amount integer, intent_id uuid, intent_fingerprint text,
          payment_method payment_method, distance_meters integer, depart_at timestamptz)
        on conflict (intent_id) do nothing
        returning id, rider_id, intent_id, status, reject_reason, vehicle_id, driver_id, eta_minutes, fare_amount
      ), events as (
        insert into ${tripEvents} (trip_id, actor_id, from_status, to_status, action_id)
        select id, rider_id, null::trip_status,
          (case when reject_reason is null or reject_reason = 'no_vehicle_available' then 'requested'
            else 'rejected' end)::trip_status,
          'book:' || intent_id
        from created
        union all
        select id, null, 'requested'::trip_status, status, null from created
        where reject_reason is null or reject_reason = 'no_vehicle_available'
      ), held as (
        update ${vehicles} set status = 'on_trip'
        where id in (select vehicle_id from created where vehicle_id is not null)
      ), offers as (
        insert into ${tripOffers} (trip_id, vehicle_id, driver_id, eta_minutes, offered_at, expires_at)
        select id, vehicle_id, driver_id, eta_minutes, ${now.toISOString()}::timestamptz,
          ${offerExpiresAt(now, policy).toISOString()}::timestamptz
        from created where vehicle_id is not null
      )
      select id, intent_id, status, fare_amount from created`),
  );
  const byIntent = new Map(created.map((t) => [t.intent_id, t]));
  // Booked through the other path meanwhile (the insert waited for it, then did nothing): a replay. The vehicle
  // reserved for it stays free.
  const raced = requests.filter((r) => !byIntent.has(r.intent.id));
  const racedRows = raced.length
    ? await bookedTrips(
        tx,
        raced.map((r) => r.intent.id),
      )
    : new Map<string, BookedRow>();
  await startNewTripPayments(
    tx,
    requests.flatMap(({ riderId, intent }) => {
      const trip = byIntent.get(intent.id);
      if (trip?.status !== 'assigned') return [];
      const payment = {
        tripId: trip.id,
        payerId: riderId,
        method: intent.paymentMethod,
        amount: trip.fare_amount,
        payerPhone: intent.payerPhone,
      };
      return [payment];
    }),
  );
  return requests.map(({ riderId, intent, fingerprint }) => {
    const trip = byIntent.get(intent.id);
    if (trip) return { tripId: trip.id, replay: false, status: trip.status };
    return answer(() => replayOf(racedRows.get(intent.id)!, riderId, fingerprint));
  });
}

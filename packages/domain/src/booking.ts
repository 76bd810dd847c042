import { z } from 'zod';
import { outboxMessage } from './api-answers';
import { isoDateTime, money, place, rwandaPhone, rwf } from './common';
import { offerInfo } from './dispatch';
import { tripId, userId, vehicleId } from './ids';
import {
  disputeView,
  paymentMethod,
  paymentStatus,
  paymentSummary,
  paymentView,
  refundView,
} from './payment';
import { type TripKind, type TripStatus, trip, tripStatus } from './trip';
import { vehicleKind } from './vehicle';

/** What a rider can book on demand: a moto-taxi or a car. Buses are planned, not booked. */
export const bookableKinds = ['moto', 'car'] as const;
export const bookableKind = z.enum(bookableKinds);
export type BookableKind = z.infer<typeof bookableKind>;

/**
 * A booking as the rider made it, possibly offline: `POST /api/trips` takes the same object, and the rider app
 * writes it into `rider:<id>` → `bookingIntents[id]`. The id is chosen on the device and is the booking's
 * idempotency key: the same intent arriving twice (API retry, document replay) books once.
 */
export const bookingIntent = z
  .object({
    id: z.uuid(),
    kind: bookableKind,
    origin: place,
    destination: place,
    /** When the rider wants to leave; absent means now (as of `createdAt`). */
    departAt: isoDateTime.optional(),
    paymentMethod,
    /** The mobile-money number to collect from (MTN MoMo or Airtel Money); required for `mobile_money`. */
    payerPhone: rwandaPhone.optional(),
    createdAt: isoDateTime,
    /** Set by the rider to cancel; the server applies the cancellation rules (`cancellationFee`). */
    cancelRequestedAt: isoDateTime.optional(),
  })
  .refine((i) => i.paymentMethod !== 'mobile_money' || i.payerPhone !== undefined, {
    path: ['payerPhone'],
    message: 'Enter the mobile-money number to pay from',
  });
export type BookingIntent = z.infer<typeof bookingIntent>;

/**
 * An intent that reaches the server this long after the moment it was for is not booked: a moto "now" made
 * offline an hour ago would send a driver to a rider who has long left. Our own figure, not a regulation.
 */
export const STALE_INTENT_MINUTES = 20;

export function isIntentStale(intent: Pick<BookingIntent, 'departAt' | 'createdAt'>, now: Date): boolean {
  const wanted = Date.parse(intent.departAt ?? intent.createdAt);
  return now.getTime() - wanted > STALE_INTENT_MINUTES * 60_000;
}

export const bookingRejectReasons = [
  'no_vehicle_available',
  /** Vehicles were offered the ride but none accepted in time (dispatch.ts); nothing is charged. */
  'no_driver_found',
  'stale',
  'invalid',
  'outside_service_area',
  'account_suspended',
] as const;
export const bookingRejectReason = z.enum(bookingRejectReasons);
export type BookingRejectReason = z.infer<typeof bookingRejectReason>;

/**
 * The server's answer to an intent, written into `rider:<id>` → `bookingDecisions[intentId]` (server-only, SS10)
 * and returned by `POST /api/trips`. A confirmed decision is kept up to date as the trip moves on.
 */
export const bookingDecision = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('confirmed'),
    intentId: z.uuid(),
    tripId,
    tripStatus,
    vehicle: z.object({ id: vehicleId, plate: z.string(), kind: bookableKind }),
    driver: z.object({ id: userId, name: z.string(), phone: z.string().nullable() }),
    /** Minutes until the driver reaches the pickup, from the vehicle's live position at assignment. */
    etaMinutes: z.number().int().nonnegative(),
    /** While the driver has not accepted yet (`assigned`): until when they may, and which attempt this is. */
    offer: offerInfo.optional(),
    fare: money,
    payment: z.object({ method: paymentMethod, status: paymentStatus, amount: rwf, refundedAmount: rwf }),
    cancellationFee: rwf,
    decidedAt: isoDateTime,
    updatedAt: isoDateTime,
  }),
  z.object({
    status: z.literal('rejected'),
    intentId: z.uuid(),
    reason: bookingRejectReason,
    message: z.string(),
    decidedAt: isoDateTime,
  }),
]);
export type BookingDecision = z.infer<typeof bookingDecision>;

/** What a driver does to a trip assigned to them; each moves the trip state machine one step. */
export const driverTripActions = ['accept', 'decline', 'arrive', 'start', 'complete'] as const;
export const driverTripAction = z.enum(driverTripActions);
export type DriverTripAction = z.infer<typeof driverTripAction>;

export const driverActionTarget: Record<DriverTripAction, TripStatus> = {
  accept: 'accepted',
  // A declined assignment goes back to `requested` and the server looks for another vehicle.
  decline: 'requested',
  arrive: 'driver_arrived',
  start: 'in_progress',
  complete: 'completed',
};

/**
 * A driver's action, possibly made offline: the driver app writes it into `driver:<id>` → `tripActions[id]`
 * (or posts it to `POST /api/trips/:id/actions`). The id makes replays harmless; the result comes back in
 * `actionResults[id]`.
 */
export const driverActionInput = z.object({
  id: z.uuid(),
  tripId,
  action: driverTripAction,
  at: isoDateTime,
  /** With `complete` on a cash trip: the driver confirms the cash was received. */
  cashCollected: z.boolean().optional(),
});
export type DriverActionInput = z.infer<typeof driverActionInput>;

export const driverActionResult = z.object({
  ok: z.boolean(),
  tripStatus,
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  appliedAt: isoDateTime,
});
export type DriverActionResult = z.infer<typeof driverActionResult>;

/** A trip as the assigned driver sees it, in `driver:<id>` → `assignments[tripId]` (server-only, SS10). */
export const driverAssignment = z.object({
  tripId,
  status: tripStatus,
  kind: bookableKind,
  origin: place,
  destination: place,
  fare: money,
  paymentMethod,
  /** First name only: the driver needs to greet the rider, not to know them. */
  riderName: z.string(),
  /** The rider's phone, for "Call rider", once the driver has accepted; null before or when unknown. */
  riderPhone: z.string().nullable().optional(),
  assignedAt: isoDateTime,
  /** While the offer waits for this driver (`assigned`): until when they may accept. */
  offerExpiresAt: isoDateTime.optional(),
  updatedAt: isoDateTime,
});
export type DriverAssignment = z.infer<typeof driverAssignment>;

/**
 * Cancelling is free until the driver has arrived; after that it costs the meter's minimum fare (moto: the
 * 400 RWF flag-fall of the RURA meter tariff; car: the 1,500 RWF minimum), which goes to the driver who came.
 * Our rule built on the tariffs in fares.ts, not a regulation. Started or finished trips cannot be cancelled.
 */
export const CANCELLATION_FEE: Record<BookableKind, number> = { moto: 400, car: 1500 };

export function cancellationFee(kind: TripKind, status: TripStatus): number {
  if (status !== 'driver_arrived' || kind === 'bus') return 0;
  return CANCELLATION_FEE[kind];
}

/**
 * A trip as `GET /api/trips` and `GET /api/trips/:id` return it: the `trip` row plus what the screens show
 * with it. A booking the server turned down is a trip in status `rejected` with its `rejectReason`.
 */
export const tripView = trip.extend({
  intentId: z.uuid(),
  paymentMethod,
  distanceMeters: z.number().int().nonnegative(),
  /** Minutes the driver needed to reach the pickup when assigned; null until a vehicle is assigned. */
  etaMinutes: z.number().int().nonnegative().nullable(),
  cancellationFee: rwf,
  rejectReason: bookingRejectReason.nullable(),
  /** The offer waiting for the driver's answer (status `assigned`), else null. */
  offer: offerInfo.nullable(),
  vehicle: z.object({ id: vehicleId, plate: z.string(), kind: vehicleKind }).nullable(),
  driver: z.object({ id: userId, name: z.string(), phone: z.string().nullable() }).nullable(),
  /** First name only (drivers see trip views too). */
  riderName: z.string(),
  payment: paymentSummary.nullable(),
});
export type TripView = z.infer<typeof tripView>;

/** One change of a trip's status, from `trip_events`. */
export const tripEvent = z.object({
  id: z.uuid(),
  fromStatus: tripStatus.nullable(),
  toStatus: tripStatus,
  actorId: userId.nullable(),
  at: isoDateTime,
});
export type TripEvent = z.infer<typeof tripEvent>;

export const tripListQuery = z.object({
  status: tripStatus.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TripListQuery = z.infer<typeof tripListQuery>;

/** The sentence a rider reads when a booking is turned down; apps may translate by `reason`. */
export function bookingRejectMessage(reason: BookingRejectReason, kind: BookableKind): string {
  const vehicle = kind === 'moto' ? 'moto-taxi' : 'car';
  switch (reason) {
    case 'no_vehicle_available':
      return `No ${vehicle} is free near your pickup right now. Please try again in a few minutes.`;
    case 'no_driver_found':
      return `No driver accepted your ${vehicle} ride in time. Nothing was charged. Please try again.`;
    case 'stale':
      return `This booking reached us more than ${STALE_INTENT_MINUTES} minutes after the time it was for, so no driver was sent. Book again if you still need a ride.`;
    case 'invalid':
      return 'This booking is incomplete, so it was not sent to a driver. Please book again.';
    case 'outside_service_area':
      return 'KigaliGo books rides within Kigali only: the pickup or the destination is outside the service area.';
    case 'account_suspended':
      return 'Your account is suspended, so bookings are not accepted. Please contact KigaliGo support.';
  }
}

/** `POST /api/trips` → 201 (or 200 for an intent booked before): the decision and the trip it made. */
export const bookingResponse = z.object({ decision: bookingDecision, trip: tripView });

/** `GET /api/trips/:id`: the trip, its history and its money. */
export const tripDetail = z.object({
  trip: tripView,
  events: z.array(tripEvent),
  payments: z.array(paymentView),
  refunds: z.array(refundView),
  /** Card payments the payer disputed with their bank: in admins' answers only. */
  disputes: z.array(disputeView).optional(),
  /**
   * How the money was reconciled with its providers: every charge, status check and refund call of the trip's
   * payments (outbox messages, with attempts and answers), oldest first. In admins' answers only.
   */
  providerCalls: z.array(outboxMessage).optional(),
});
export type TripDetail = z.infer<typeof tripDetail>;

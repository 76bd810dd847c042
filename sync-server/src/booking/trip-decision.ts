import {
  type BookableKind,
  type BookingDecision,
  type BookingRejectReason,
  bookingDecision,
  bookingRejectMessage,
  type DriverAssignment,
  driverAssignment,
  type TripView,
} from '@kigaligo/domain';

export function rejectedDecision(
  intentId: string,
  reason: BookingRejectReason,
  kind: BookableKind,
  decidedAt: string,
): BookingDecision {
  return { status: 'rejected', intentId, reason, message: bookingRejectMessage(reason, kind), decidedAt };
}

/**
 * The rider's decision for a trip, as `rider:<id>` → `bookingDecisions[intentId]` holds it. Undefined for a
 * trip that never had a vehicle and was not rejected (nothing was decided yet).
 */
export function decisionFor(v: TripView): BookingDecision | undefined {
  const kind = v.kind === 'car' ? 'car' : 'moto';
  if (v.status === 'rejected') {
    return rejectedDecision(v.intentId, v.rejectReason ?? 'no_vehicle_available', kind, v.updatedAt);
  }
  if (!v.vehicle || !v.driver) return undefined;
  return bookingDecision.parse({
    status: 'confirmed',
    intentId: v.intentId,
    tripId: v.id,
    tripStatus: v.status,
    vehicle: { id: v.vehicle.id, plate: v.vehicle.plate, kind },
    driver: v.driver,
    etaMinutes: v.etaMinutes ?? 0,
    ...(v.offer ? { offer: v.offer } : {}),
    fare: v.fare,
    // The payment row is written in the booking transaction; the fallback only covers trips booked before it.
    payment: v.payment ?? {
      method: v.paymentMethod,
      status: 'pending',
      amount: v.fare.amount,
      refundedAmount: 0,
    },
    cancellationFee: v.cancellationFee,
    decidedAt: v.requestedAt,
    updatedAt: v.updatedAt,
  });
}

/** Statuses in which the driver has taken the ride and may call the rider. */
const accepted = new Set(['accepted', 'driver_arrived', 'in_progress']);

/** The assigned driver's view, `driver:<id>` → `assignments[tripId]`. */
export function assignmentFor(v: TripView, assignedAt: string, riderPhone: string | null): DriverAssignment {
  return driverAssignment.parse({
    tripId: v.id,
    status: v.status,
    kind: v.kind === 'car' ? 'car' : 'moto',
    origin: v.origin,
    destination: v.destination,
    fare: v.fare,
    paymentMethod: v.paymentMethod,
    riderName: v.riderName,
    riderPhone: accepted.has(v.status) ? riderPhone : null,
    assignedAt,
    ...(v.offer ? { offerExpiresAt: v.offer.expiresAt } : {}),
    updatedAt: v.updatedAt,
  });
}

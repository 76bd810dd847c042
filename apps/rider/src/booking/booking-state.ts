import {
  type BookableKind,
  type BookingDecision,
  type BookingIntent,
  type BookingRejectReason,
  bookingRejectReasons,
  cancellationFee,
  fareFor,
  type Money,
  type Place,
  type TripStatus,
} from '@kigaligo/domain';
import { DEFAULT_OPTIONS, motoRide } from '@kigaligo/planner';

/**
 * Where a booking stands for the rider, from what is on the phone: the intent, the server's decision (if it
 * arrived) and whether the rider document still has changes the server has not stored.
 */
export type BookingStage =
  /** Only on this phone: the server has not stored it yet (offline, or sending). */
  | 'waiting'
  /** Stored on the server, no decision yet. */
  | 'sent'
  | 'confirmed'
  | 'rejected'
  /** The rider asked to cancel; the server has not answered yet. */
  | 'cancelling'
  | 'cancelled'
  | 'completed';

export interface Booking {
  intent: BookingIntent;
  decision: BookingDecision | null;
}

const finished: readonly TripStatus[] = ['completed', 'cancelled', 'rejected'];

export function bookingStage({ intent, decision }: Booking, pending: number): BookingStage {
  if (decision?.status === 'rejected') return 'rejected';
  if (decision?.status === 'confirmed') {
    if (decision.tripStatus === 'cancelled') return 'cancelled';
    if (decision.tripStatus === 'completed') return 'completed';
    if (decision.tripStatus === 'rejected') return 'rejected';
    return intent.cancelRequestedAt ? 'cancelling' : 'confirmed';
  }
  if (intent.cancelRequestedAt) {
    // Cancelled before the server booked it: once stored, the server books nothing and says nothing more.
    return pending > 0 ? 'cancelling' : 'cancelled';
  }
  return pending > 0 ? 'waiting' : 'sent';
}

/** A ride is live (its vehicle worth showing on the map) from assignment until it ends. */
export function isLiveTrip(decision: BookingDecision | null): boolean {
  return decision?.status === 'confirmed' && !finished.includes(decision.tripStatus);
}

/** The rider may cancel until the trip has started, and only once. */
export function canCancel(b: Booking): boolean {
  if (b.intent.cancelRequestedAt) return false;
  if (!b.decision) return true;
  if (b.decision.status !== 'confirmed') return false;
  return ['requested', 'assigned', 'accepted', 'driver_arrived'].includes(b.decision.tripStatus);
}

/** What cancelling now would cost, by the domain rule (free until the driver has arrived). */
export function cancelFeeNow(b: Booking): number {
  if (b.decision?.status !== 'confirmed') return 0;
  return cancellationFee(b.intent.kind, b.decision.tripStatus);
}

/** A card payment waits for the rider to enter the card (or to pay another way instead). */
export function awaitingCard(decision: BookingDecision | null): boolean {
  return (
    decision?.status === 'confirmed' &&
    decision.payment.method === 'card' &&
    (decision.payment.status === 'pending' || decision.payment.status === 'processing') &&
    !['cancelled', 'rejected'].includes(decision.tripStatus)
  );
}

/** The payment failed: the rider can pay the trip another way. */
export function paymentFailed(decision: BookingDecision | null): boolean {
  return (
    decision?.status === 'confirmed' &&
    decision.payment.status === 'failed' &&
    !['cancelled', 'rejected'].includes(decision.tripStatus)
  );
}

export function rejectReasonKey(reason: string): `book.reject.${BookingRejectReason}` | null {
  return (bookingRejectReasons as readonly string[]).includes(reason)
    ? (`book.reject.${reason}` as `book.reject.${BookingRejectReason}`)
    : null;
}

/**
 * The fare before booking, with the planner's street-distance estimate (straight line × its detour factor,
 * the same figure its moto legs use) and the domain's meter tariffs. The server computes the binding fare.
 */
export function estimateRide(
  kind: BookableKind,
  from: Pick<Place, 'lat' | 'lon'>,
  to: Pick<Place, 'lat' | 'lon'>,
): { meters: number; fare: Money } {
  const { meters } = motoRide(from, to, DEFAULT_OPTIONS.detour);
  return { meters, fare: fareFor(kind, meters) };
}

export type MobileOperator = 'mtn' | 'airtel';

/** Accepts how Rwandans write their number (0788 123 456, 250788…, +250 788…) and returns +2507XXXXXXXX. */
export function normalisePhone(input: string): string {
  const digits = input.replace(/[\s\-().]/g, '');
  if (/^07\d{8}$/.test(digits)) return `+25${digits}`;
  if (/^2507\d{8}$/.test(digits)) return `+${digits}`;
  return digits;
}

/** MTN MoMo numbers start 078/079, Airtel Money 072/073 (RURA numbering plan). */
export function mobileOperator(phone: string): MobileOperator | null {
  const p = normalisePhone(phone);
  if (/^\+2507[89]\d{7}$/.test(p)) return 'mtn';
  if (/^\+2507[23]\d{7}$/.test(p)) return 'airtel';
  return null;
}

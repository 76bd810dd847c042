import type { TripDetail } from './booking';
import { fareLines, type TripReceipt } from './receipt';

/** Payment statuses in which the money was collected (some of it may have been returned since). */
const COLLECTED = new Set(['succeeded', 'partially_refunded', 'refunded']);

/** A trip's end as a receipt names it: its label, else its coordinates. */
export const placeName = (p: { lat: number; lon: number; label?: string | undefined }) =>
  p.label ?? `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`;

/** KG-<YYYYMMDD the payment was made>-<first 8 characters of the trip id, upper case>. */
export const receiptNumber = (tripId: string, paidAt: string) =>
  `KG-${paidAt.slice(0, 10).replaceAll('-', '')}-${tripId.slice(0, 8).toUpperCase()}`;

/**
 * A trip's receipt from its detail, with the rider's full name: null while nothing was collected. The charge
 * broken down is what was collected first (the fare, or a cancellation fee).
 */
export function receiptOf(detail: TripDetail, riderName: string): TripReceipt | null {
  const paid = detail.payments.filter((p) => COLLECTED.has(p.status));
  const first = paid[0];
  if (!first) return null;
  const { trip } = detail;
  const refunds = detail.refunds.filter((r) => paid.some((p) => p.id === r.paymentId));
  const collected = paid.reduce((s, p) => s + p.amount, 0);
  const returned = refunds.filter((r) => r.status === 'succeeded').reduce((s, r) => s + r.amount, 0);
  return {
    number: receiptNumber(trip.id, first.createdAt),
    tripId: trip.id,
    riderName,
    kind: trip.kind,
    from: placeName(trip.origin),
    to: placeName(trip.destination),
    bookedAt: trip.requestedAt,
    distanceMeters: trip.distanceMeters,
    lines: fareLines(trip.kind, trip.distanceMeters, first.amount, trip.cancellationFee),
    total: first.amount,
    currency: 'RWF',
    payments: paid.map((p) => ({
      method: p.method,
      amount: p.amount,
      status: p.status,
      reference: p.providerRef,
      at: p.updatedAt,
    })),
    refunds: refunds.map((r) => ({ amount: r.amount, reason: r.reason, status: r.status, at: r.createdAt })),
    netPaid: Math.max(0, collected - returned),
  };
}

import { z } from 'zod';
import { isoDateTime, rwf } from './common';
import { CAR_TAXI_TARIFF, MOTO_TARIFF } from './fares';
import { paymentMethod, paymentStatus, refundStatus } from './payment';
import { type TripKind, tripKind } from './trip';

/** What a line of a receipt charges for; the apps and the email name each in the rider's language. */
export const fareLineItems = [
  'moto_base',
  'moto_distance',
  'moto_long_distance',
  'car_metered',
  'bus_tariff',
  'cancellation_fee',
] as const;
export const fareLine = z.object({
  item: z.enum(fareLineItems),
  /** Kilometres the line charges for, when it charges by distance. */
  km: z.number().nonnegative().optional(),
  amount: rwf,
});
export type FareLine = z.infer<typeof fareLine>;

const km1 = (metres: number) => Math.round(metres / 100) / 10;

/**
 * How a trip's charge breaks down by the tariff it was priced with (fares.ts): a cancelled trip's fee alone,
 * or the fare's parts. The lines always add up to `charged` (the amount stored with the trip): the last line
 * takes the rounding, so a receipt never disagrees with what was paid.
 */
export function fareLines(
  kind: TripKind,
  distanceMeters: number,
  charged: number,
  cancellationFee = 0,
): FareLine[] {
  if (cancellationFee > 0) return [{ item: 'cancellation_fee', amount: cancellationFee }];
  const km = Math.max(0, distanceMeters) / 1000;
  if (kind === 'bus') return [{ item: 'bus_tariff', km: Math.max(1, Math.round(km)), amount: charged }];
  if (kind === 'car')
    return [
      { item: 'car_metered', km: km1(Math.max(CAR_TAXI_TARIFF.minimumKm, km) * 1000), amount: charged },
    ];
  const t = MOTO_TARIFF;
  const lines: FareLine[] = [{ item: 'moto_base', km: t.baseKm, amount: Math.min(t.base, charged) }];
  const midKm = Math.min(Math.max(km - t.baseKm, 0), t.longKm - t.baseKm);
  const longKm = Math.max(km - t.longKm, 0);
  if (midKm > 0)
    lines.push({ item: 'moto_distance', km: km1(midKm * 1000), amount: Math.round(midKm * t.perKm) });
  if (longKm > 0)
    lines.push({
      item: 'moto_long_distance',
      km: km1(longKm * 1000),
      amount: Math.round(longKm * t.perKmLong),
    });
  const sum = lines.reduce((s, l) => s + l.amount, 0);
  const last = lines.at(-1)!;
  last.amount = Math.max(0, last.amount + charged - sum);
  return lines;
}

/** `GET /api/trips/:id/receipt`: a paid trip's receipt, for its rider and admins. */
export const tripReceipt = z.object({
  /** KG-<YYYYMMDD of the first payment>-<first 8 characters of the trip id, upper case>. */
  number: z.string(),
  tripId: z.uuid(),
  riderName: z.string(),
  kind: tripKind,
  from: z.string(),
  to: z.string(),
  /** When the trip was booked. */
  bookedAt: isoDateTime,
  distanceMeters: z.number().int().nonnegative(),
  lines: z.array(fareLine),
  total: rwf,
  currency: z.literal('RWF'),
  payments: z.array(
    z.object({
      method: paymentMethod,
      amount: rwf,
      status: paymentStatus,
      /** The provider's reference (Stripe, MoMo, Airtel), for the rider's own records. */
      reference: z.string().nullable(),
      at: isoDateTime,
    }),
  ),
  refunds: z.array(z.object({ amount: rwf, reason: z.string(), status: refundStatus, at: isoDateTime })),
  /** Collected, less refunds that succeeded. */
  netPaid: rwf,
});
export type TripReceipt = z.infer<typeof tripReceipt>;

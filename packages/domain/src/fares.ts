import type { Money } from './common';
import type { TripKind } from './trip';

// Fares in whole Rwandan francs (RWF has no minor unit). Every figure comes from KIGALI.md, which cites its
// sources; where we had to fill a gap the comment says so. Distances are in metres, as the planner measures.

/**
 * RURA's distance-based bus tariff from 4 Dec 2024 (RURA statement via rwandatribune.com and igihe.com):
 * the published points, km → RWF. The full 1–25 km table was not found; between these points we interpolate
 * linearly (our assumption, not RURA's table), and every worked example RURA gave is one of these points.
 */
export const BUS_TARIFF_POINTS: readonly (readonly [km: number, rwf: number])[] = [
  [1, 182],
  [2, 182],
  [3, 205],
  [4, 219],
  [5, 251],
  [6, 274],
  [10, 388],
  [14, 543],
  [25, 855],
];

/**
 * Bus fare for one ride (one tap-in, one tap-out) of `distanceMeters`.
 * - Distances are rounded to the nearest km (min 1 km): RURA quotes whole km, and its worked examples only
 *   fit nearest rounding (Downtown–Remera is 10.2 km on the map and 388 RWF = the 10 km fare).
 * - Beyond 25 km (the longest line, Kabuga–Nyabugogo) we extend the 14–25 km slope: no source covers it.
 * - No transfer discount was found: a journey with a change pays each ride (see `busJourneyFare`).
 */
export function busFare(distanceMeters: number): number {
  const km = Math.max(1, Math.round(distanceMeters / 1000));
  const pts = BUS_TARIFF_POINTS;
  for (let i = 1; i < pts.length; i++) {
    const [k0, f0] = pts[i - 1]!;
    const [k1, f1] = pts[i]!;
    if (km <= k1) return Math.round(f0 + ((f1 - f0) * (km - k0)) / (k1 - k0));
  }
  const [k0, f0] = pts[pts.length - 2]!;
  const [k1, f1] = pts[pts.length - 1]!;
  return Math.round(f1 + ((f1 - f0) * (km - k1)) / (k1 - k0));
}

/**
 * What the card is charged at tap-in: the full line fare, the unused part coming back at tap-out (a rider who
 * forgets to tap out pays the whole line). The app shows this so riders keep enough balance.
 */
export function busTapInHold(lineLengthMeters: number): number {
  return busFare(lineLengthMeters);
}

/** A bus journey of several rides: each ride is its own tap-in/tap-out, so the fares add up. */
export function busJourneyFare(rideDistancesMeters: readonly number[]): number {
  return rideDistancesMeters.reduce((sum, d) => sum + busFare(d), 0);
}

/**
 * Moto-taxi meter tariff (RURA, effective 22 Aug 2022, via allafrica.com, 23 Aug 2022; the latest found):
 * 400 RWF covers the first 2 km, then 117 RWF per km up to 40 km, and 205 RWF per km beyond 40 km.
 * Meters charge by distance run, so part-kilometres are charged pro rata, rounded to the nearest franc.
 * Waiting: 10 min free, then 21 RWF a minute (the 2020 figure, the only one found). Riders often bargain:
 * the app presents this as the metered price.
 */
export const MOTO_TARIFF = {
  base: 400,
  baseKm: 2,
  perKm: 117,
  longKm: 40,
  perKmLong: 205,
  freeWaitMin: 10,
  perWaitMin: 21,
};

export function motoFare(distanceMeters: number, waitingMinutes = 0): number {
  const t = MOTO_TARIFF;
  const km = Math.max(0, distanceMeters) / 1000;
  const mid = Math.min(Math.max(km - t.baseKm, 0), t.longKm - t.baseKm);
  const long = Math.max(km - t.longKm, 0);
  const wait = Math.max(0, Math.ceil(waitingMinutes) - t.freeWaitMin) * t.perWaitMin;
  return Math.round(t.base + mid * t.perKm + long * t.perKmLong + wait);
}

/**
 * Metered car taxi (older RURA tariff, KIGALI.md): 500 RWF per km with a 1,500 RWF minimum that covers the
 * first 3 km; airport taxis charge 600 RWF per km (we assume the same 3 km minimum, i.e. 1,800 RWF).
 * Part-kilometres pro rata, rounded to the nearest franc.
 */
export const CAR_TAXI_TARIFF = { perKm: 500, airportPerKm: 600, minimumKm: 3 };

export function carTaxiFare(distanceMeters: number, opts: { airport?: boolean } = {}): number {
  const perKm = opts.airport ? CAR_TAXI_TARIFF.airportPerKm : CAR_TAXI_TARIFF.perKm;
  const km = Math.max(CAR_TAXI_TARIFF.minimumKm, Math.max(0, distanceMeters) / 1000);
  return Math.round(km * perKm);
}

/** The fare of one ride of a given kind, as money. */
export function fareFor(kind: TripKind, distanceMeters: number): Money {
  const amount =
    kind === 'bus'
      ? busFare(distanceMeters)
      : kind === 'moto'
        ? motoFare(distanceMeters)
        : carTaxiFare(distanceMeters);
  return { amount, currency: 'RWF' };
}

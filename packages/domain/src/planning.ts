import { z } from 'zod';
import { isoDateTime, type LatLon, latitude, latLon, longitude } from './common';

/**
 * Where KigaliGo operates: a box derived from the active transit feed (its stops' extent plus a margin) or set
 * with SERVICE_AREA. Plans, bookings and GPS fixes outside it are refused; the server checks, since the area
 * follows whichever feed is active.
 */
export const serviceArea = z
  .object({ minLat: latitude, maxLat: latitude, minLon: longitude, maxLon: longitude })
  .refine((a) => a.minLat < a.maxLat && a.minLon < a.maxLon, 'min must be below max');
export type ServiceArea = z.infer<typeof serviceArea>;

export function isInArea(p: LatLon, a: ServiceArea): boolean {
  return p.lat >= a.minLat && p.lat <= a.maxLat && p.lon >= a.minLon && p.lon <= a.maxLon;
}

export const planInput = z
  .object({
    from: latLon,
    to: latLon,
    /** Leave at; absent (and no arriveBy) means now. */
    departAt: isoDateTime.optional(),
    /** Arrive by: the planner finds the latest departure that arrives in time. */
    arriveBy: isoDateTime.optional(),
    /** Offer moto-taxi options (default true). */
    moto: z.boolean().optional(),
  })
  .refine((p) => !(p.departAt && p.arriveBy), {
    path: ['arriveBy'],
    message: 'Give either departAt or arriveBy, not both',
  });
export type PlanInput = z.infer<typeof planInput>;

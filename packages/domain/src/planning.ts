import { z } from 'zod';
import { isoDateTime, type LatLon, latLon } from './common';

/**
 * Where KigaliGo operates: the City of Kigali with a margin for the outer terminals (Kabuga, Nyanza,
 * Batsinda). Planning requests and GPS fixes outside it are refused.
 */
export const kigaliServiceArea = { minLat: -2.15, maxLat: -1.8, minLon: 29.95, maxLon: 30.35 } as const;

export function isInServiceArea(p: LatLon): boolean {
  const a = kigaliServiceArea;
  return p.lat >= a.minLat && p.lat <= a.maxLat && p.lon >= a.minLon && p.lon <= a.maxLon;
}

const servicePoint = latLon.refine(isInServiceArea, 'This place is outside the Kigali service area');

export const planInput = z
  .object({
    from: servicePoint,
    to: servicePoint,
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

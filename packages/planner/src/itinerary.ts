import { isoDateTime, latitude, lineString, longitude, money } from '@kigaligo/domain';
import { z } from 'zod';
import { type TransitMode, transitModes } from './route-modes';

// What the planner returns, as zod schemas so an app (or the server, if it ever plans) can validate an
// itinerary it stored or received. Times are ISO-8601 with the feed zone's offset at that instant (+02:00 in
// Kigali); money is whole RWF.

export const legModes = ['walk', 'moto', ...transitModes] as const;
export const legMode = z.enum(legModes);
export type LegMode = z.infer<typeof legMode>;

/** A leg ridden on a vehicle of the feed (any mode but walking and moto-taxi). */
export const isTransitMode = (mode: LegMode): mode is TransitMode => mode !== 'walk' && mode !== 'moto';

/** A place on a leg: a stop (with its feed id) or the rider's own origin/destination. */
export const legPoint = z.object({
  name: z.string(),
  lat: latitude,
  lon: longitude,
  stopId: z.string().optional(),
});
export type LegPoint = z.infer<typeof legPoint>;

export const legRoute = z.object({
  id: z.string(),
  shortName: z.string(),
  longName: z.string(),
  headsign: z.string(),
  color: z.string().optional(),
});

export const leg = z.object({
  mode: legMode,
  from: legPoint,
  to: legPoint,
  departAt: isoDateTime,
  arriveAt: isoDateTime,
  distanceMeters: z.number().int().nonnegative(),
  /** Transit legs: the route ridden. */
  route: legRoute.optional(),
  /** Transit legs: every stop from boarding to alighting, in order. */
  stops: z.array(legPoint).optional(),
  /** Bus and moto legs: what this leg costs (bus: RURA distance tariff; moto: RURA meter tariff). */
  fare: money.optional(),
  /**
   * The line the map draws, from `from` to `to` (leg-geometry.ts): transit legs along their road shape (stop
   * to stop when the feed has none), moto legs along a bus route's road when one fits, walks straight.
   */
  geometry: lineString,
  /** Moto legs: true when no road shape fits, so `geometry` is a straight line, not the road taken. */
  approximate: z.boolean().optional(),
});
export type Leg = z.infer<typeof leg>;

export const itinerary = z.object({
  departAt: isoDateTime,
  arriveAt: isoDateTime,
  /** Changes between vehicles (bus or moto): rides − 1, and 0 for a walk. */
  transfers: z.number().int().nonnegative(),
  walkMeters: z.number().int().nonnegative(),
  legs: z.array(leg).min(1),
  fare: money,
});
export type Itinerary = z.infer<typeof itinerary>;

import { z } from 'zod';
import { latitude, longitude } from './common';
import { routeId, stopId } from './ids';

export const stop = z.object({
  id: stopId,
  code: z.string().nullable(),
  name: z.string().min(1),
  lat: latitude,
  lon: longitude,
  /** GTFS parent station (a bus park grouping its platforms), if any. */
  parentStationId: stopId.nullable(),
});
export type Stop = z.infer<typeof stop>;

export const route = z.object({
  id: routeId,
  shortName: z.string(),
  longName: z.string(),
  operator: z.string(),
  /** GTFS route_type; Kigali's network is buses (3). */
  type: z.number().int(),
  color: z
    .string()
    .regex(/^[0-9A-Fa-f]{6}$/)
    .nullable(),
});
export type Route = z.infer<typeof route>;

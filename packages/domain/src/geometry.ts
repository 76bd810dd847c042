import { z } from 'zod';
import { latitude, longitude } from './common';

/** A GeoJSON position: longitude first, then latitude (RFC 7946 §3.1.1), in WGS 84 degrees. */
export const geoPosition = z.tuple([longitude, latitude]);
export type GeoPosition = z.infer<typeof geoPosition>;

/**
 * A GeoJSON LineString (RFC 7946 §3.1.4): what the map draws for an itinerary leg. Two or more positions; the
 * same object can be handed to MapLibre as a feature's geometry.
 */
export const lineString = z.object({
  type: z.literal('LineString'),
  coordinates: z.array(geoPosition).min(2),
});
export type LineString = z.infer<typeof lineString>;

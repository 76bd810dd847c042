import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { latitude, longitude, placeHit, text } from '@kigaligo/domain';
import { loadPlaces, nearestStops, type PlacesIndex, searchPlaces } from '@kigaligo/places';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { badRequest } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth } from '../http/auth-middleware';
import { query } from '../http/validate';

// The same shipped file the rider app searches offline, so both give the same answers.
const placesFile = fileURLToPath(new URL('../../../public/network/kigali.places.json', import.meta.url));
let index: PlacesIndex | undefined;
const placesIndex = () => (index ??= loadPlaces(readFileSync(placesFile, 'utf8')));

export const placesQuery = z.object({
  q: text({ max: 100 }).optional(),
  near: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'Expected near=<lat>,<lon>')
    .transform((s) => {
      const [lat, lon] = s.split(',').map(Number);
      return { lat: lat!, lon: lon! };
    })
    .pipe(z.object({ lat: latitude, lon: longitude }))
    .optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** GET /api/places?q=<text> (typo-tolerant search) or ?near=<lat>,<lon> (nearest stops). */
export const placeRoutes = new Hono<AppEnv>().get(
  '/',
  documented({
    summary: 'Place search or nearest stops',
    description: '?q= (typo-tolerant, English and Kinyarwanda) or ?near=lat,lon.',
    audience: 'any',
    ok: { 200: z.object({ places: z.array(placeHit) }) },
    errors: [400],
  }),
  requireAuth,
  query(placesQuery),
  (c) => {
    const { q, near, limit } = c.req.valid('query');
    if (near) return c.json({ places: nearestStops(placesIndex(), near, limit) });
    if (!q) throw badRequest('Give q=<text> or near=<lat>,<lon>', [{ path: 'q', message: 'Required' }]);
    return c.json({ places: searchPlaces(placesIndex(), q, { limit }) });
  },
);

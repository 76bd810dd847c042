import { z } from 'zod';
import { text } from './text';

/** Timestamps travel as ISO-8601 strings with an offset (UTC on the wire; Africa/Kigali is UTC+2, no DST). */
export const isoDateTime = z.iso.datetime({ offset: true });

/** Money is always whole Rwandan francs: RWF has no minor unit, so amounts are integers. */
export const rwf = z.number().int().nonnegative().max(100_000_000);
export const money = z.object({ amount: rwf, currency: z.literal('RWF') });
export type Money = z.infer<typeof money>;

export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);
export const latLon = z.object({ lat: latitude, lon: longitude });
export type LatLon = z.infer<typeof latLon>;

/** A place a rider picked: a point, optionally with the name shown to them. */
export const place = latLon.extend({ label: text({ max: 200 }).optional() });
export type Place = z.infer<typeof place>;

/** Rwandan mobile numbers: +250 7X XXX XXXX (MTN 078/079, Airtel 072/073). Spaces are tolerated. */
export const rwandaPhone = text({ max: 40 })
  .transform((s) => s.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\+2507[2389]\d{7}$/, 'Expected a Rwandan mobile number like +250 788 123 456'));

/** The body of every error the API returns. */
export const apiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof apiError>;

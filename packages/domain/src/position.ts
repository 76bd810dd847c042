import { z } from 'zod';
import { isoDateTime, latitude, longitude } from './common';
import { text } from './text';

/**
 * A GPS fix as the driver app records it. The id is `<deviceId>:<sequence>` so a replayed batch is
 * recognised as the same fixes and stored once.
 */
export const position = z.object({
  id: text({ max: 80, trim: false }).regex(
    /^[A-Za-z0-9_-]{4,64}:\d{1,12}$/,
    'Expected <deviceId>:<sequence>',
  ),
  lat: latitude,
  lon: longitude,
  recordedAt: isoDateTime,
  accuracy: z.number().nonnegative().max(10_000).optional(),
  speed: z.number().nonnegative().max(100).optional(),
  heading: z.number().min(0).max(360).optional(),
});
export type Position = z.infer<typeof position>;

import { z } from 'zod';
import { isoDateTime, place } from './common';

/** A route the rider saved from the planner; lives in the rider's synced document. */
export const savedRoute = z.object({
  id: z.string().min(1).max(64),
  name: z.string().trim().min(1).max(80),
  origin: place,
  destination: place,
  createdAt: isoDateTime,
});
export type SavedRoute = z.infer<typeof savedRoute>;

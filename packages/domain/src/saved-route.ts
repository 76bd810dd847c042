import { z } from 'zod';
import { isoDateTime, place } from './common';
import { text } from './text';

/** A route the rider saved from the planner; lives in the rider's synced document. */
export const savedRoute = z.object({
  id: text({ min: 1, max: 64, trim: false }),
  name: text({ min: 1, max: 80 }),
  origin: place,
  destination: place,
  createdAt: isoDateTime,
});
export type SavedRoute = z.infer<typeof savedRoute>;

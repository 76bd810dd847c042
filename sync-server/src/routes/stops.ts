import { type Stop, stop as stopSchema } from '@kigaligo/domain';
import { asc } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { stops } from '../db/schema';
import { documented } from '../http/api-docs';
import { requireAuth } from '../http/auth-middleware';

export const stopRoutes = new Hono<AppEnv>().get(
  '/',
  documented({ summary: 'Stops', audience: 'any', ok: { 200: z.object({ stops: z.array(stopSchema) }) } }),
  requireAuth,
  async (c) => {
    const rows = await c.var.deps.database.db.select().from(stops).orderBy(asc(stops.name));
    const list: Stop[] = rows.map((r) => stopSchema.parse(r));
    return c.json({ stops: list });
  },
);

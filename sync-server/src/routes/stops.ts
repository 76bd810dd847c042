import { isoDateTime, type Stop, stop as stopSchema } from '@kigaligo/domain';
import { departure, stopIndexOf } from '@kigaligo/planner';
import { asc } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { stops } from '../db/schema';
import { DomainError } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth } from '../http/auth-middleware';
import { pathParams, query } from '../http/validate';
import { stopDepartures } from '../realtime/stop-departures';

const departuresQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(50)
    .default(10)
    .describe('How many departures (1–50, default 10)'),
  from: isoDateTime
    .optional()
    .describe('Departures from this instant on (ISO-8601 with offset; default now)'),
});

const departuresAnswer = z.object({
  stop: z.object({ id: z.string(), name: z.string(), lat: z.number(), lon: z.number() }),
  /** The feed's agency_timezone: the zone of every time in the answer. */
  timezone: z.string(),
  departures: z.array(departure),
});

export const stopRoutes = new Hono<AppEnv>()
  .get(
    '/',
    documented({ summary: 'Stops', audience: 'any', ok: { 200: z.object({ stops: z.array(stopSchema) }) } }),
    requireAuth,
    async (c) => {
      const rows = await c.var.deps.database.db.select().from(stops).orderBy(asc(stops.name));
      const list: Stop[] = rows.map((r) => stopSchema.parse(r));
      return c.json({ stops: list });
    },
  )
  .get(
    '/:id/departures',
    documented({
      summary: 'Next departures at a stop, live where a tracked bus runs the trip',
      description:
        'From the active feed’s schedule (its agency_timezone and service days), each with the live prediction of the bus on shift running that trip when there is one (realtime: true; the TripUpdates prediction), else its scheduled time. Public like the GTFS-Realtime feeds. An unknown stop is 404 stop_not_found.',
      audience: 'public',
      query: departuresQuery,
      ok: { 200: departuresAnswer },
      errors: [400, 404],
    }),
    pathParams(z.object({ id: z.string().min(1).max(255) })),
    query(departuresQuery),
    (c) => {
      const { id } = c.req.valid('param');
      const { limit, from } = c.req.valid('query');
      const network = c.var.deps.network.get();
      const index = stopIndexOf(network, id);
      if (index === undefined) throw new DomainError('not_found', 'stop_not_found', 'No such stop');
      const now = Date.now();
      // Buses on shift as anyone may see them: their positions are public in the GTFS-Realtime feeds too.
      const { vehicles } = c.var.deps.live.feedFor({ role: 'anonymous' }, now);
      const s = network.timetable.stops[index]!;
      return c.json({
        stop: { id: s.id, name: s.name, lat: s.lat, lon: s.lon },
        timezone: network.timetable.timezone,
        departures: stopDepartures(network, index, vehicles, from ? Date.parse(from) : now, now, limit),
      });
    },
  );

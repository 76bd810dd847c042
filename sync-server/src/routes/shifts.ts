import {
  shiftEndInput,
  shiftRouteInput,
  shiftRunningTrip,
  shiftStartInput,
  vehicle as vehicleSchema,
} from '@kigaligo/domain';
import { and, eq, ne } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { vehicles } from '../db/schema';
import { toVehicle } from '../db/vehicles';
import { conflict, notFound } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { jsonBody } from '../http/validate';
import type { NetworkService } from '../network/network-service';
import { hasRouteDirection, RUN_START_WINDOW_SECS, runningTrip, runStartingAt } from '../realtime/route-run';
import { clockTime } from '../realtime/scheduled-trip';
import { closeShifts, openShift } from '../tracking/shifts';

/**
 * The scheduled trip the vehicle is running, when it has one the active feed still knows (none before a feed
 * is loaded: the shift itself does not depend on it).
 */
const tripOf = (networks: NetworkService, v: typeof vehicles.$inferSelect) =>
  v.tripId && v.tripStartDate && v.tripStartTime && networks.feedId
    ? (runningTrip(networks.get(), {
        tripId: v.tripId,
        startDate: v.tripStartDate,
        startTime: v.tripStartTime,
      }) ?? null)
    : null;

const onShift = (driverId: string) => and(eq(vehicles.driverId, driverId), ne(vehicles.status, 'off_duty'));

export const shiftRoutes = new Hono<AppEnv>()
  .use(requireAuth, requireRole('driver'))
  .get(
    '/current',
    documented({
      summary: 'The vehicle of the current shift, and the scheduled trip a bus is running',
      audience: 'driver',
      ok: { 200: z.object({ vehicle: vehicleSchema.nullable(), trip: shiftRunningTrip.nullable() }) },
    }),
    async (c) => {
      const [row] = await c.var.deps.database.db.select().from(vehicles).where(onShift(c.var.auth.userId));
      return c.json({
        vehicle: row ? toVehicle(row) : null,
        trip: row ? tripOf(c.var.deps.network, row) : null,
      });
    },
  )
  .put(
    '/current/route',
    documented({
      summary: 'Say which route and direction the bus on shift is running',
      description: `The server matches the bus to today's scheduled trip of that route and headsign whose first departure is nearest now (within ${RUN_START_WINDOW_SECS / 60} minutes), for GTFS-Realtime and riders' departure boards. 409 not_a_bus for a moto or car; 409 no_scheduled_trip when no trip is near.`,
      audience: 'driver',
      ok: { 200: z.object({ trip: shiftRunningTrip }) },
      errors: [400, 404, 409],
    }),
    jsonBody(shiftRouteInput),
    async (c) => {
      const { routeId, headsign } = c.req.valid('json');
      const db = c.var.deps.database.db;
      const network = c.var.deps.network.get();
      const [v] = await db.select().from(vehicles).where(onShift(c.var.auth.userId));
      if (!v) throw notFound('You are not on shift');
      if (v.kind !== 'bus') throw conflict('not_a_bus', 'Only a bus runs a scheduled route');
      if (!hasRouteDirection(network, routeId, headsign))
        throw notFound('The network has no such route and direction');
      const found = runStartingAt(network, routeId, headsign, new Date());
      if (!found)
        throw conflict(
          'no_scheduled_trip',
          `No trip of this route and direction departs within ${RUN_START_WINDOW_SECS / 60} minutes of now`,
        );
      const run = network.patterns[found.run.pattern]!;
      const tracked = {
        tripId: run.tripIds[found.run.trip]!,
        tripStartDate: found.startDate,
        tripStartTime: clockTime(run.dep[found.run.trip * run.stops.length]!),
      };
      const [row] = await db.update(vehicles).set(tracked).where(eq(vehicles.id, v.id)).returning();
      await c.var.deps.live.rosterChanged();
      return c.json({ trip: tripOf(c.var.deps.network, row!)! });
    },
  )
  .delete(
    '/current/route',
    documented({
      summary: 'The bus on shift runs no scheduled route (off route, back to the depot)',
      audience: 'driver',
      ok: { 200: z.object({ vehicle: vehicleSchema }) },
      errors: [404],
    }),
    async (c) => {
      const [row] = await c.var.deps.database.db
        .update(vehicles)
        .set({ tripId: null, tripStartDate: null, tripStartTime: null })
        .where(onShift(c.var.auth.userId))
        .returning();
      if (!row) throw notFound('You are not on shift');
      await c.var.deps.live.rosterChanged();
      return c.json({ vehicle: toVehicle(row) });
    },
  )
  .post(
    '/',
    documented({
      summary: 'Start a shift on a vehicle',
      audience: 'driver',
      ok: { 201: z.object({ vehicle: vehicleSchema }) },
      errors: [400, 404, 409],
    }),
    jsonBody(shiftStartInput),
    async (c) => {
      const me = c.var.auth.userId;
      const { vehicleId } = c.req.valid('json');
      const db = c.var.deps.database.db;
      // One transaction with the row locked: two drivers starting on one vehicle cannot both win.
      const outcome = await db.transaction(async (tx) => {
        const [v] = await tx.select().from(vehicles).where(eq(vehicles.id, vehicleId)).for('update');
        if (!v || v.status === 'inactive') return { kind: 'missing' as const };
        if (v.driverId && v.driverId !== me && v.status !== 'off_duty') return { kind: 'taken' as const };
        // A driver drives one vehicle at a time: end any other shift of theirs.
        await tx
          .update(vehicles)
          .set({ status: 'off_duty' })
          .where(and(eq(vehicles.driverId, me), ne(vehicles.id, vehicleId)));
        await openShift(tx, me, vehicleId);
        const [row] = await tx
          .update(vehicles)
          .set({ driverId: me, status: 'available', tripId: null, tripStartDate: null, tripStartTime: null })
          .where(eq(vehicles.id, vehicleId))
          .returning();
        return { kind: 'ok' as const, row: row! };
      });
      if (outcome.kind === 'missing') throw notFound('No such vehicle');
      if (outcome.kind === 'taken')
        throw conflict('vehicle_taken', 'Another driver is on shift with this vehicle');
      await c.var.deps.live.rosterChanged();
      return c.json({ vehicle: toVehicle(outcome.row) }, 201);
    },
  )
  .post(
    '/end',
    documented({
      summary: 'End the current shift',
      description: 'endedAt: when it was pressed, for an end queued offline; never later than now.',
      audience: 'driver',
      ok: { 200: z.object({ vehicle: vehicleSchema }) },
      errors: [400, 404],
    }),
    jsonBody(shiftEndInput),
    async (c) => {
      const me = c.var.auth.userId;
      const pressed = c.req.valid('json').endedAt;
      // Never later than now: a queued end shortens the shift to when it was pressed, nothing more.
      const endedAt = new Date(Math.min(Date.now(), pressed ? Date.parse(pressed) : Date.now()));
      const row = await c.var.deps.database.db.transaction(async (tx) => {
        const [ended] = await tx
          .update(vehicles)
          .set({ status: 'off_duty' })
          .where(and(eq(vehicles.driverId, me), ne(vehicles.status, 'off_duty')))
          .returning();
        if (ended) await closeShifts(tx, me, endedAt);
        return ended;
      });
      if (!row) throw notFound('You are not on shift');
      await c.var.deps.live.rosterChanged();
      return c.json({ vehicle: toVehicle(row) });
    },
  );

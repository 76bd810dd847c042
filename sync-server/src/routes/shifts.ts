import { shiftEndInput, shiftStartInput, vehicle as vehicleSchema } from '@kigaligo/domain';
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
import { closeShifts, openShift } from '../tracking/shifts';

export const shiftRoutes = new Hono<AppEnv>()
  .use(requireAuth, requireRole('driver'))
  .get(
    '/current',
    documented({
      summary: 'The vehicle of the current shift',
      audience: 'driver',
      ok: { 200: z.object({ vehicle: vehicleSchema.nullable() }) },
    }),
    async (c) => {
      const [row] = await c.var.deps.database.db
        .select()
        .from(vehicles)
        .where(and(eq(vehicles.driverId, c.var.auth.userId), ne(vehicles.status, 'off_duty')));
      return c.json({ vehicle: row ? toVehicle(row) : null });
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

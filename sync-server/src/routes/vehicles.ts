import { positionBatchInput, positionBatchResult, vehicle, vehicleId, vehicleInput } from '@kigaligo/domain';
import { asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { vehicles } from '../db/schema';
import { toVehicle } from '../db/vehicles';
import { conflict, DomainError, notFound } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { jsonBody } from '../http/validate';
import { ingestPositions, OUTSIDE_SHIFT } from '../tracking/ingest-positions';
import { shiftCoverage } from '../tracking/shifts';

const params = z.object({ id: vehicleId });

// Riders see vehicles through trips and the live map, never the fleet list. Drivers upload their GPS fixes here.
export const vehicleRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .get(
    '/',
    documented({
      summary: 'The fleet',
      audience: 'admin or driver',
      ok: { 200: z.object({ vehicles: z.array(vehicle) }) },
    }),
    requireRole('admin', 'driver'),
    async (c) => {
      const rows = await c.var.deps.database.db.select().from(vehicles).orderBy(asc(vehicles.plate));
      return c.json({ vehicles: rows.map(toVehicle) });
    },
  )
  .post(
    '/',
    documented({
      summary: 'Register a vehicle',
      audience: 'admin',
      ok: { 201: z.object({ vehicle }) },
      errors: [400, 409],
    }),
    requireRole('admin'),
    jsonBody(vehicleInput),
    async (c) => {
      const body = c.req.valid('json');
      const [row] = await c.var.deps.database.db
        .insert(vehicles)
        .values(body)
        .onConflictDoNothing({ target: vehicles.plate })
        .returning();
      if (!row) throw conflict('plate_taken', `A vehicle with plate ${body.plate} is already registered`);
      return c.json({ vehicle: toVehicle(row) }, 201);
    },
  )
  .post(
    '/:id/positions',
    documented({
      summary: 'Upload GPS fixes',
      description:
        'At most 500 fixes; ids <deviceId>:<seq> make them idempotent; bad fixes are answered with reasons. A driver’s fix counts when recorded during one of their shifts on the vehicle (±60 s), however late it arrives; a batch with none is 403 outside_shift.',
      audience: 'admin or driver',
      ok: { 200: positionBatchResult },
      errors: [400, 404],
    }),
    requireRole('driver', 'admin'),
    jsonBody(positionBatchInput),
    async (c) => {
      const parsed = params.safeParse(c.req.param());
      if (!parsed.success) throw notFound('No such vehicle');
      const db = c.var.deps.database.db;
      const [vehicle] = await db.select().from(vehicles).where(eq(vehicles.id, parsed.data.id));
      if (!vehicle) throw notFound('No such vehicle');
      // A driver reports where the vehicle was while they were on shift with it — judged per fix by when it was
      // recorded, so fixes uploaded after the shift ended (the phone was offline) still count. Admins may
      // report any vehicle.
      const { auth, deps } = c.var;
      const { result, live } = await ingestPositions(db, vehicle, c.req.valid('json').positions, {
        area: deps.network.serviceArea(),
        retentionDays: deps.positionRetentionDays,
        ...(auth.role === 'admin'
          ? {}
          : { onShift: (from, to) => shiftCoverage(db, auth.userId, vehicle.id, from, to) }),
      });
      // Nothing of the batch was recorded during one of the driver's shifts (and nothing else was wrong with
      // it): a refusal of the whole batch, so the phone knows these fixes will never be taken.
      if (
        result.rejected.length > 0 &&
        result.rejected.every((r) => r.reason === OUTSIDE_SHIFT) &&
        result.accepted + result.duplicates === 0
      )
        throw new DomainError(
          'forbidden',
          OUTSIDE_SHIFT,
          'These positions were not recorded during one of your shifts on this vehicle',
        );
      if (live) await deps.live.publish(live);
      return c.json(result);
    },
  );

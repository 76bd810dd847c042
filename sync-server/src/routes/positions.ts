import { positionBatchInput, vehicleId } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { vehicles } from '../db/schema';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { forbidden, notFound } from '../http/errors';
import { jsonBody } from '../http/validate';
import { ingestPositions } from '../tracking/ingest-positions';

const params = z.object({ id: vehicleId });

export const positionRoutes = new Hono<AppEnv>().post(
  '/:id/positions',
  requireAuth,
  requireRole('driver', 'admin'),
  jsonBody(positionBatchInput),
  async (c) => {
    const parsed = params.safeParse(c.req.param());
    if (!parsed.success) throw notFound('No such vehicle');
    const db = c.var.deps.database.db;
    const [vehicle] = await db.select().from(vehicles).where(eq(vehicles.id, parsed.data.id));
    if (!vehicle) throw notFound('No such vehicle');
    // Only the driver on shift with this vehicle (or an admin) reports where it is.
    const onShift = vehicle.driverId === c.var.auth.userId && vehicle.status !== 'off_duty';
    if (c.var.auth.role !== 'admin' && !onShift) throw forbidden('You are not on shift with this vehicle');
    const { result, live } = await ingestPositions(
      db,
      vehicle,
      c.req.valid('json').positions,
      c.var.deps.network.serviceArea(),
    );
    if (live) await c.var.deps.live.publish(live);
    return c.json(result);
  },
);

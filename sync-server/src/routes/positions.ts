import { positionBatchInput, vehicleId } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { vehicles } from '../db/schema';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { HttpError, notFound } from '../http/errors';
import { jsonBody } from '../http/validate';
import { ingestPositions, OUTSIDE_SHIFT } from '../tracking/ingest-positions';
import { shiftCoverage } from '../tracking/shifts';

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
      throw new HttpError(
        403,
        OUTSIDE_SHIFT,
        'These positions were not recorded during one of your shifts on this vehicle',
      );
    if (live) await deps.live.publish(live);
    return c.json(result);
  },
);

import { vehicleInput } from '@kigaligo/domain';
import { asc } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { vehicles } from '../db/schema';
import { toVehicle } from '../db/vehicles';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { conflict } from '../http/errors';
import { jsonBody } from '../http/validate';

// Riders see vehicles through trips and the live map, never the fleet list.
export const vehicleRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .get('/', requireRole('admin', 'driver'), async (c) => {
    const rows = await c.var.deps.database.db.select().from(vehicles).orderBy(asc(vehicles.plate));
    return c.json({ vehicles: rows.map(toVehicle) });
  })
  .post('/', requireRole('admin'), jsonBody(vehicleInput), async (c) => {
    const body = c.req.valid('json');
    const [row] = await c.var.deps.database.db
      .insert(vehicles)
      .values(body)
      .onConflictDoNothing({ target: vehicles.plate })
      .returning();
    if (!row) throw conflict('plate_taken', `A vehicle with plate ${body.plate} is already registered`);
    return c.json({ vehicle: toVehicle(row) }, 201);
  });

import { type Vehicle, vehicle as vehicleSchema } from '@kigaligo/domain';
import type { vehicles } from './schema';

export function toVehicle(row: typeof vehicles.$inferSelect): Vehicle {
  return vehicleSchema.parse({
    id: row.id,
    kind: row.kind,
    plate: row.plate,
    capacity: row.capacity,
    operator: row.operator,
    status: row.status,
    driverId: row.driverId,
  });
}

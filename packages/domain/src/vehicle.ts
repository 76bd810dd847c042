import { z } from 'zod';
import { userId, vehicleId } from './ids';
import { text } from './text';

export const vehicleKinds = ['bus', 'moto', 'car'] as const;
export const vehicleKind = z.enum(vehicleKinds);
export type VehicleKind = z.infer<typeof vehicleKind>;

export const vehicleStatuses = ['available', 'on_trip', 'off_duty', 'inactive'] as const;
export const vehicleStatus = z.enum(vehicleStatuses);
export type VehicleStatus = z.infer<typeof vehicleStatus>;

/**
 * Rwandan plates: "R" + one or two letters, three digits, a letter — e.g. "RAB 123 A" (cars, buses),
 * "RD 123 A" / "RF 123 B" for motorcycles. Stored upper-case with single spaces.
 */
export const plate = text({ max: 20 })
  .toUpperCase()
  .transform((s) => s.replace(/\s+/g, ' '))
  .pipe(z.string().regex(/^R[A-Z]{1,2} ?\d{3} ?[A-Z]$/, 'Expected a Rwandan plate like RAB 123 A'));

/** Seats a vehicle of each kind may carry at most (a moto carries one passenger by law). */
export const maxCapacity: Record<VehicleKind, number> = { bus: 90, moto: 1, car: 8 };

export const vehicleInput = z
  .object({
    kind: vehicleKind,
    plate,
    capacity: z.number().int().min(1),
    operator: text({ min: 1, max: 120 }),
  })
  .refine((v) => v.capacity <= maxCapacity[v.kind], {
    path: ['capacity'],
    message: 'Capacity is above what this kind of vehicle may carry',
  });
export type VehicleInput = z.infer<typeof vehicleInput>;

export const vehicle = z.object({
  id: vehicleId,
  kind: vehicleKind,
  plate: z.string(),
  capacity: z.number().int(),
  operator: z.string(),
  status: vehicleStatus,
  /** The driver currently on shift with this vehicle, if any. */
  driverId: userId.nullable(),
});
export type Vehicle = z.infer<typeof vehicle>;

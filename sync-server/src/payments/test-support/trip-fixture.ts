import { randomUUID } from 'node:crypto';
import type { PaymentMethod, TripStatus } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { trips, users, vehicles } from '../../db/schema';
import { demoAccounts } from '../../seed/demo-data';

export async function demoUserId(db: Db, role: 'rider' | 'driver' | 'admin'): Promise<string> {
  const email = demoAccounts.find((a) => a.role === role)!.email;
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row!.id;
}

/**
 * A trip of the demo rider with the demo driver, as the booking service leaves it, so payment tests do not
 * depend on vehicle assignment. Completed by default (a live status would hold the vehicle: one live trip each).
 */
export async function insertTrip(
  db: Db,
  opts: { method?: PaymentMethod; fare?: number; status?: TripStatus; cancellationFee?: number } = {},
) {
  const [vehicle] = await db.select({ id: vehicles.id }).from(vehicles).where(eq(vehicles.plate, 'RD 412 K'));
  const riderId = await demoUserId(db, 'rider');
  const driverId = await demoUserId(db, 'driver');
  const [trip] = await db
    .insert(trips)
    .values({
      riderId,
      driverId,
      vehicleId: vehicle!.id,
      kind: 'moto',
      status: opts.status ?? 'completed',
      origin: { lat: -1.9441, lon: 30.0619, label: 'Kigali Heights' },
      destination: { lat: -1.9536, lon: 30.0927, label: 'Kimihurura' },
      fareAmount: opts.fare ?? 1500,
      intentId: randomUUID(),
      paymentMethod: opts.method ?? 'card',
      distanceMeters: 4200,
      departAt: new Date(),
      cancellationFee: opts.cancellationFee ?? 0,
    })
    .returning();
  return trip!;
}

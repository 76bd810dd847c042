import { vehicleInput } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import { createAccount } from '../auth/auth-service';
import type { Db } from '../db/client';
import { seedRuns, stops, users, vehicles } from '../db/schema';
import { demoAccounts, demoStops, demoVehicles } from './demo-data';

const SEED_NAME = 'demo-v1';

/**
 * Loads the demo data once per database. A row in seed_runs records that it ran, so restarts (and users who
 * deleted a demo vehicle on purpose) are left alone. Returns true when it seeded now.
 */
export async function seedDemoData(db: Db): Promise<boolean> {
  const [done] = await db.select().from(seedRuns).where(eq(seedRuns.name, SEED_NAME));
  if (done) return false;
  for (const account of demoAccounts) {
    const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, account.email));
    if (!existing) await createAccount(db, account);
  }
  const [driver] = await db.select().from(users).where(eq(users.email, demoAccounts[1].email));
  await db.transaction(async (tx) => {
    for (const [i, v] of demoVehicles.entries()) {
      const parsed = vehicleInput.parse(v);
      // The demo driver rides the first moto so the driver app has a vehicle to start a shift on.
      await tx
        .insert(vehicles)
        .values({ ...parsed, driverId: i === 0 ? (driver?.id ?? null) : null })
        .onConflictDoNothing({ target: vehicles.plate });
    }
    await tx
      .insert(stops)
      .values(demoStops.map((s) => ({ ...s, code: null, parentStationId: null })))
      .onConflictDoNothing({ target: stops.id });
    await tx.insert(seedRuns).values({ name: SEED_NAME }).onConflictDoNothing();
  });
  return true;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { positions, shifts, users, vehicles } from '../db/schema';
import { openTestDatabase, type TestDatabase } from '../test-support/test-databases';
import { purgeOldPositions } from './retention';

describe('position retention', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase('pglite');
  });
  afterAll(() => database.dispose());

  it('deletes fixes and shifts older than the retention period and keeps the rest', async () => {
    const [v] = await database.db
      .insert(vehicles)
      .values({ kind: 'moto', plate: 'RD 100 A', capacity: 1, operator: 'x' })
      .returning();
    const now = Date.parse('2026-11-24T12:00:00Z');
    const day = 24 * 3600_000;
    await database.db.insert(positions).values(
      [1, 29, 31, 90].map((ageDays, i) => ({
        id: `dev-ret:${i}`,
        vehicleId: v!.id,
        lat: -1.95,
        lon: 30.06,
        recordedAt: new Date(now - ageDays * day),
      })),
    );
    expect(await purgeOldPositions(database.db, 30, now)).toBe(2);
    const left = await database.db.select({ id: positions.id }).from(positions);
    expect(left.map((p) => p.id).sort()).toEqual(['dev-ret:0', 'dev-ret:1']);
    const [driver] = await database.db
      .insert(users)
      .values({
        email: 'ret@test.rw',
        passwordHash: 'none',
        name: 'R',
        role: 'driver',
        phone: '+250788000001',
      })
      .returning();
    await database.db.insert(shifts).values([
      {
        driverId: driver!.id,
        vehicleId: v!.id,
        startedAt: new Date(now - 32 * day),
        endedAt: new Date(now - 31 * day),
      },
      {
        driverId: driver!.id,
        vehicleId: v!.id,
        startedAt: new Date(now - 29 * day),
        endedAt: new Date(now - 29 * day),
      },
      { driverId: driver!.id, vehicleId: v!.id, startedAt: new Date(now - 40 * day) },
    ]);
    await purgeOldPositions(database.db, 30, now);
    const kept = await database.db.select().from(shifts);
    // The old ended shift goes; a recent one and one still open (however long ago it began) stay.
    expect(kept.map((s) => s.startedAt.getTime()).sort()).toEqual([now - 40 * day, now - 29 * day]);
  });
});

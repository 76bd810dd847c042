import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  languages,
  offerStatuses,
  paymentMethods,
  paymentStatuses,
  refundStatuses,
  reportCategories,
  reportStatuses,
  roles,
  severityLevels,
  tripKinds,
  tripStatuses,
  vehicleKinds,
  vehicleStatuses,
} from '@kigaligo/domain';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabaseUrl, openTestDatabase, testDatabaseKinds } from '../test-support/test-databases';
import { serviceUrl } from '../test-support/test-services';
import { openDatabase } from './client';
import { runMigrations } from './migrate';
import { users } from './schema';

const rowsOf = <T>(result: unknown): T[] =>
  Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);

describe.each(testDatabaseKinds)('migrations on %s', (kind) => {
  it('creates database enums that match the domain schemas exactly', async () => {
    const database = await openTestDatabase(kind);
    try {
      const result = await database.db.execute(sql`
        select t.typname as name, array_agg(e.enumlabel order by e.enumsortorder)::text[] as labels
        from pg_type t join pg_enum e on e.enumtypid = t.oid group by t.typname`);
      const enums = Object.fromEntries(
        rowsOf<{ name: string; labels: string[] }>(result).map((r) => [r.name, r.labels]),
      );
      expect(enums).toEqual({
        role: [...roles],
        language: [...languages],
        vehicle_kind: [...vehicleKinds],
        vehicle_status: [...vehicleStatuses],
        trip_kind: [...tripKinds],
        trip_status: [...tripStatuses],
        offer_status: [...offerStatuses],
        payment_method: [...paymentMethods],
        payment_status: [...paymentStatuses],
        refund_status: [...refundStatuses],
        report_category: [...reportCategories],
        report_status: [...reportStatuses],
        severity_level: [...severityLevels],
        outbox_status: ['pending', 'sent', 'dead'],
      });
    } finally {
      await database.dispose();
    }
  });
});

const realPostgres = serviceUrl('TEST_DATABASE_URL', 'migrations on a Postgres server');

describe('migrations across restarts', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  async function restartTwice(open: () => ReturnType<typeof openDatabase>) {
    const first = await open();
    await runMigrations(first);
    await first.db
      .insert(users)
      .values({ email: 'keep@me.rw', passwordHash: 'x', name: 'Keep', role: 'rider' });
    const applied = rowsOf(await first.db.execute(sql`select hash from drizzle.__drizzle_migrations`)).length;
    await first.close();

    const second = await open();
    await runMigrations(second);
    const appliedAgain = rowsOf(
      await second.db.execute(sql`select hash from drizzle.__drizzle_migrations`),
    ).length;
    const kept = await second.db.select().from(users);
    await second.close();
    return { applied, appliedAgain, kept };
  }

  it('applies nothing twice and keeps data in a PGlite data directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kigaligo-pglite-'));
    dirs.push(dir);
    const r = await restartTwice(() => openDatabase({ dataDir: dir }));
    expect(r.applied).toBeGreaterThan(0);
    expect(r.appliedAgain).toBe(r.applied);
    expect(r.kept.map((u) => u.email)).toEqual(['keep@me.rw']);
  });

  it.runIf(realPostgres)('applies nothing twice and keeps data on a Postgres server', async () => {
    const created = await createTestDatabaseUrl();
    try {
      const r = await restartTwice(() => openDatabase({ databaseUrl: created.url, dataDir: 'unused' }));
      expect(r.appliedAgain).toBe(r.applied);
      expect(r.kept).toHaveLength(1);
    } finally {
      await created.drop();
    }
  });

  it.runIf(realPostgres)('lets several processes migrate one database at once', async () => {
    const created = await createTestDatabaseUrl();
    const databases = await Promise.all(
      [1, 2, 3].map(() => openDatabase({ databaseUrl: created.url, dataDir: 'unused' })),
    );
    try {
      await Promise.all(databases.map((d) => runMigrations(d)));
      const count = rowsOf(
        await databases[0]!.db.execute(sql`select hash from drizzle.__drizzle_migrations`),
      ).length;
      expect(count).toBeGreaterThan(0);
    } finally {
      await Promise.all(databases.map((d) => d.close()));
      await created.drop();
    }
  });
});

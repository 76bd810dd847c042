import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { type Database, resultRows } from './client';

export const migrationsFolder = fileURLToPath(new URL('../../../drizzle', import.meta.url));

// Any constant works; it only has to be the same in every process sharing the database.
const MIGRATION_LOCK_KEY = 727_150_001;

/**
 * Applies the SQL migrations in drizzle/. drizzle records each applied migration in
 * drizzle.__drizzle_migrations, so running this on every start is idempotent. On a shared Postgres a
 * session advisory lock on one dedicated connection keeps processes starting at once from racing.
 */
export async function runMigrations(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
    return;
  }
  const client = postgres(database.url!, { max: 1, onnotice: () => {} });
  try {
    const db = drizzle(client);
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      await migratePostgres(db, { migrationsFolder });
    } finally {
      await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

let newestHash: string | undefined;

/**
 * Whether the newest migration this build ships is recorded in the database. A process is only ready on a
 * database at its schema: one restored from an old backup, or a fresh database behind a failover, is not.
 */
export async function migrationsApplied(database: Database): Promise<boolean> {
  newestHash ??= readMigrationFiles({ migrationsFolder }).at(-1)?.hash ?? '';
  const result = await database.db.execute(
    sql`select 1 from drizzle.__drizzle_migrations where hash = ${newestHash} limit 1`,
  );
  return resultRows(result).length > 0;
}

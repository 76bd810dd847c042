import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { type Database, type DbKind, openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { serviceUrl } from './test-services';

/**
 * API tests run on embedded PGlite always, and on the real Postgres server too when TEST_DATABASE_URL is set
 * (.ci/run sets it). Each real-Postgres test database is created fresh and dropped afterwards.
 */
export const testDatabaseKinds: DbKind[] = serviceUrl('TEST_DATABASE_URL', 'real Postgres')
  ? ['pglite', 'postgres']
  : ['pglite'];

export interface TestDatabase extends Database {
  dispose(): Promise<void>;
}

export async function createTestDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `kigaligo_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

export async function openTestDatabase(
  kind: DbKind,
  opts: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let database: Database;
  let drop = async () => {};
  if (kind === 'postgres') {
    const created = await createTestDatabaseUrl();
    database = await openDatabase({ databaseUrl: created.url, dataDir: 'unused' });
    drop = created.drop;
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  if (opts.migrate !== false) await runMigrations(database);
  return {
    ...database,
    async dispose() {
      await database.close();
      await drop();
    },
  };
}

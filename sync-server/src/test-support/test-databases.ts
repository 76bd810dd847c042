import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { type Database, type DbKind, openDatabase } from '../db/client';
import { migrationsFolder, runMigrations } from '../db/migrate';
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
    const startFrom = opts.migrate === false ? undefined : await migratedPgliteDump();
    database = await openDatabase({ dataDir: 'memory://', startFrom });
  }
  // On a PGlite started migrated this only finds every migration applied.
  if (opts.migrate !== false) await runMigrations(database);
  return {
    ...database,
    async dispose() {
      await database.close();
      await drop();
    },
  };
}

let migratedDump: Promise<Blob> | undefined;

/**
 * A PGlite data directory with every migration applied, made once per set of migrations and shared through a
 * file by all test processes: starting from it takes about half of what initdb and the migrations take.
 */
export function migratedPgliteDump(): Promise<Blob> {
  migratedDump ??= (async () => {
    // PGlite's own package.json (not exported): a dump is only read back by the version that wrote it.
    const pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const hash = createHash('sha256').update(readFileSync(join(dirname(pgliteEntry), '..', 'package.json')));
    for (const name of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
      if (name.endsWith('.sql') || name.endsWith('.json'))
        hash.update(name).update(readFileSync(join(migrationsFolder, name)));
    }
    const path = join(tmpdir(), `kigaligo-pglite-migrated-${hash.digest('hex').slice(0, 16)}.tar`);
    const made = await readFile(path).catch(() => undefined);
    if (made) return new Blob([made]);
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await runMigrations(database);
      const dump = await (database.db as unknown as { $client: PGlite }).$client.dumpDataDir('none');
      // Written aside and renamed: a process reading the file never sees half of it.
      const aside = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
      await writeFile(aside, Buffer.from(await dump.arrayBuffer()));
      await rename(aside, path);
      // Dumps of earlier sets of migrations (about 40 MB each) would otherwise pile up in the temp folder. A
      // process still using one has read it whole already.
      for (const old of readdirSync(tmpdir())) {
        if (/^kigaligo-pglite-migrated-[0-9a-f]{16}\.tar$/.test(old) && join(tmpdir(), old) !== path)
          await rm(join(tmpdir(), old), { force: true });
      }
      return dump;
    } finally {
      await database.close();
    }
  })();
  return migratedDump;
}

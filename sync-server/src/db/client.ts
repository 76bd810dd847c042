import { existsSync, mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

/**
 * Both drivers expose the same drizzle query API; code above this module never knows which one it has. A
 * transaction (or savepoint) is a Db as well (drizzle's PgTransaction extends PgDatabase), so every service takes
 * a Db and runs the same inside its caller's transaction: no casts.
 */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DbKind = 'pglite' | 'postgres';

/** The rows of a raw `db.execute()`: postgres-js answers an array, PGlite an object holding `rows`. */
export function resultRows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/**
 * UUIDs as one `uuid[]` parameter: a statement's text then stays the same for any number of ids (prepared once)
 * and drizzle does not build a parameter per id, which for a thousand cost more than running the query.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(',')}}`}::uuid[]`;
}

export interface Database {
  db: Db;
  kind: DbKind;
  /** The server URL when kind is 'postgres' (migrations take their own connection to hold a lock). */
  url?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A postgres:// URL; without one the embedded PGlite database under dataDir is used. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** PGlite only: a dump of a data directory to start from when there is none yet (tests start migrated). */
  startFrom?: Blob | undefined;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) {
    const client = postgres(opts.databaseUrl, { max: 20, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema });
    return { db, kind: 'postgres', url: opts.databaseUrl, close: () => client.end({ timeout: 5 }) };
  }
  // PGlite is single-connection and single-process: fine for a newcomer's machine and for tests
  // ('memory://' keeps it in memory).
  const inMemory = opts.dataDir === 'memory://';
  if (!inMemory) mkdirSync(opts.dataDir, { recursive: true });
  const path = inMemory ? 'memory://' : `${opts.dataDir}/pglite`;
  const fresh = inMemory || !existsSync(`${path}/PG_VERSION`);
  const client = await PGlite.create(path, {
    ...(opts.startFrom && fresh ? { loadDataDir: opts.startFrom } : {}),
  });
  const db = drizzlePglite(client, { schema });
  return { db, kind: 'pglite', close: () => client.close() };
}

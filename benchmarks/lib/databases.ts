import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** True when the Postgres server answers within 3 s. */
export async function postgresReachable(adminUrl = ADMIN_URL): Promise<boolean> {
  const sql = postgres(adminUrl, { max: 1, connect_timeout: 3, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

/**
 * A new, empty database on the same server (never writes into the admin database itself).
 * `synchronousCommit: 'off'` (a diagnostic) sets it for this database only: commits stop waiting for fsync.
 */
export async function freshDatabase(
  prefix: string,
  opts: { synchronousCommit?: 'on' | 'off'; adminUrl?: string } = {},
): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = opts.adminUrl ?? ADMIN_URL;
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  if (opts.synchronousCommit === 'off')
    await admin.unsafe(`alter database ${name} set synchronous_commit = off`);
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

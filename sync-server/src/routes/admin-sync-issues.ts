import { type SyncIssue, type SyncIssueCounts, syncIssuesResponse } from '@kigaligo/domain';
import { WHOLE_DOCUMENT } from '@kigaligo/sync-protocol';
import { desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import type { Db } from '../db/client';
import { reconcileFailures, users } from '../db/schema';
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { query } from '../http/validate';

export const syncIssuesQuery = z.object({
  state: z.enum(['rejected', 'retrying', 'stuck']).optional(),
  /** A document counts as stuck once its oldest unreconciled change is this old (default 10 minutes). */
  stuckAfterMinutes: z.coerce
    .number()
    .int()
    .min(1)
    .max(7 * 24 * 60)
    .default(10),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

interface StuckRow extends Record<string, unknown> {
  doc_name: string;
  owner_id: string | null;
  user_name: string | null;
  since: Date | string;
}

/**
 * Documents whose stored changes have waited longer than the threshold to be reconciled, with no failure on
 * record (those are listed as retrying or rejected): a lagging mark always means work not done (SS12).
 */
function stuckSet(minutes: number) {
  return sql`(
    select d.doc_name, d.owner_id, d.since from (
      select d.doc_name, d.owner_id,
        coalesce((select min(s.created_at) from sync_updates s
                  where s.doc_name = d.doc_name and s.id > d.reconciled_update_id), d.updated_at) as since
      from sync_documents d
      where d.reconciled_update_id < greatest(d.snapshot_update_id,
          coalesce((select max(s.id) from sync_updates s where s.doc_name = d.doc_name), 0))
        and not exists (select 1 from reconcile_failures f where f.doc_name = d.doc_name)
    ) d
    where d.since < now() - make_interval(mins => ${minutes})
  )`;
}

function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

async function stuckDocuments(db: Db, minutes: number, limit: number): Promise<SyncIssue[]> {
  // Rider and driver documents belong to the user their name carries; report documents to their owner.
  const rows = rowsOf<StuckRow>(
    await db.execute(sql`
      select d.doc_name, u.id as owner_id, u.name as user_name, d.since from ${stuckSet(minutes)} d
      left join users u on u.id = coalesce(d.owner_id,
        case when d.doc_name ~ '^(rider|driver):' then split_part(d.doc_name, ':', 2)::uuid end)
      order by d.since
      limit ${limit}`),
  );
  return rows.map((r) => ({
    docName: r.doc_name,
    entryKey: WHOLE_DOCUMENT,
    state: 'stuck',
    code: null,
    message: null,
    userId: r.owner_id,
    userName: r.user_name,
    attempts: 0,
    since: new Date(r.since).toISOString(),
    lastAttemptAt: null,
  }));
}

async function countIssues(db: Db, minutes: number): Promise<SyncIssueCounts> {
  const [row] = rowsOf<{ rejected: number; retrying: number; stuck: number }>(
    await db.execute(sql`
      select
        (select count(*)::int from reconcile_failures where rejected_at is not null) as rejected,
        (select count(*)::int from reconcile_failures where rejected_at is null) as retrying,
        (select count(*)::int from ${stuckSet(minutes)} s) as stuck`),
  );
  return { rejected: row?.rejected ?? 0, retrying: row?.retrying ?? 0, stuck: row?.stuck ?? 0 };
}

async function failures(
  db: Db,
  state: 'rejected' | 'retrying' | undefined,
  limit: number,
): Promise<SyncIssue[]> {
  const rows = await db
    .select({ f: reconcileFailures, userName: users.name })
    .from(reconcileFailures)
    .leftJoin(users, eq(users.id, reconcileFailures.userId))
    .where(
      state === 'rejected'
        ? isNotNull(reconcileFailures.rejectedAt)
        : state === 'retrying'
          ? isNull(reconcileFailures.rejectedAt)
          : undefined,
    )
    .orderBy(desc(reconcileFailures.lastFailedAt))
    .limit(limit);
  return rows.map(({ f, userName }) => ({
    docName: f.docName,
    entryKey: f.entryKey,
    state: f.rejectedAt ? 'rejected' : 'retrying',
    code: f.code,
    message: f.message,
    userId: f.userId,
    userName,
    attempts: f.attempts,
    since: f.firstFailedAt.toISOString(),
    lastAttemptAt: f.lastFailedAt.toISOString(),
  }));
}

/** `GET /api/admin/sync-issues`: entries rejected or retrying, and documents stuck unreconciled (SS12). */
export const adminSyncIssueRoutes = new Hono<AppEnv>().use(requireAuth, requireRole('admin')).get(
  '/',
  documented({
    summary: 'Synced entries rejected or retrying, and documents left unreconciled too long (SS12)',
    audience: 'admin',
    ok: { 200: syncIssuesResponse },
    errors: [400],
  }),
  query(syncIssuesQuery),
  async (c) => {
    const { state, stuckAfterMinutes, limit } = c.req.valid('query');
    const db = c.var.deps.database.db;
    const listed = [
      ...(state === 'stuck' ? [] : await failures(db, state, limit)),
      ...(state === undefined || state === 'stuck' ? await stuckDocuments(db, stuckAfterMinutes, limit) : []),
    ];
    const counts = await countIssues(db, stuckAfterMinutes);
    return c.json({ issues: listed.slice(0, limit), counts });
  },
);

import { auditLogEntry, auditQuery } from '@kigaligo/domain';
import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { auditLog, users } from '../db/schema';
import { badRequest } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { query } from '../http/validate';

// JavaScript dates carry milliseconds, Postgres microseconds: page on the millisecond so the cursor round-trips.
const createdMs = sql`date_trunc('milliseconds', ${auditLog.createdAt})`;

/**
 * The cursor is `<createdAt ISO>_<id>`: entries written in one transaction share their timestamp, so the id
 * breaks ties and no entry is skipped or repeated between pages. A bare ISO instant works too.
 */
function beforeCursor(raw: string): SQL {
  const [at, id] = raw.split('_');
  const when = new Date(at ?? '');
  if (Number.isNaN(when.getTime())) throw badRequest('`before` is not a cursor or an ISO date-time');
  if (!id) return sql`${createdMs} < ${when.toISOString()}::timestamptz`;
  if (!/^[0-9a-f-]{36}$/.test(id)) throw badRequest('`before` is not a cursor');
  return sql`(${createdMs} < ${when.toISOString()}::timestamptz or (${createdMs} = ${when.toISOString()}::timestamptz and ${auditLog.id} < ${id}::uuid))`;
}

/** `GET /api/admin/audit?limit=&before=&targetType=&targetId=`: every admin action, newest first. */
export const adminAuditRoutes = new Hono<AppEnv>().use(requireAuth, requireRole('admin')).get(
  '/',
  documented({
    summary: 'Every admin action, newest first',
    description: 'Page with before=<nextBefore>.',
    audience: 'admin',
    ok: { 200: z.object({ entries: z.array(auditLogEntry), nextBefore: z.string().nullable() }) },
    errors: [400],
  }),
  query(auditQuery),
  async (c) => {
    const q = c.req.valid('query');
    const rows = await c.var.deps.database.db
      .select({ entry: auditLog, actor: { id: users.id, name: users.name } })
      .from(auditLog)
      .innerJoin(users, eq(users.id, auditLog.actorId))
      .where(
        and(
          q.before ? beforeCursor(q.before) : undefined,
          q.targetType ? eq(auditLog.targetType, q.targetType) : undefined,
          q.targetId ? eq(auditLog.targetId, q.targetId) : undefined,
        ),
      )
      .orderBy(desc(createdMs), desc(auditLog.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return c.json({
      entries: page.map(({ entry: e, actor }) => ({
        id: e.id,
        actor,
        action: e.action,
        targetType: e.targetType,
        targetId: e.targetId,
        details: e.details as Record<string, unknown>,
        createdAt: e.createdAt.toISOString(),
      })),
      nextBefore:
        rows.length > q.limit && last ? `${last.entry.createdAt.toISOString()}_${last.entry.id}` : null,
    });
  },
);

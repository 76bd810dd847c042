import { type SessionInfo, sessionInfo } from '@kigaligo/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { type AuditEntry, recordAudit } from '../audit/record-audit';
import { listSessions, revokeSessions } from '../auth/sessions';
import { notFound } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth } from '../http/auth-middleware';
import { pathParams } from '../http/validate';

/** The caller's signed-in devices: list them, end one, or end them all (mounted under /api/me/sessions). */
export const meSessionRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .get(
    '/',
    documented({
      summary: 'The signed-in devices of the caller',
      audience: 'any',
      ok: { 200: z.object({ sessions: z.array(sessionInfo) }) },
    }),
    async (c) => {
      const { userId, sessionId } = c.var.auth;
      const rows = await listSessions(c.var.deps.database.db, userId);
      const list: SessionInfo[] = rows.map((r) => ({
        id: r.id,
        app: (r.app as SessionInfo['app']) ?? null,
        userAgent: r.userAgent,
        network: r.network,
        createdAt: r.createdAt.toISOString(),
        lastUsedAt: r.lastUsedAt.toISOString(),
        current: r.id === sessionId,
      }));
      return c.json({ sessions: list });
    },
  )
  .delete(
    '/:id',
    documented({ summary: 'Sign one device out', audience: 'any', ok: { 204: null }, errors: [400, 404] }),
    pathParams(z.object({ id: z.uuid() })),
    async (c) => {
      const { userId } = c.var.auth;
      const { id } = c.req.valid('param');
      const revoked = await c.var.deps.database.db.transaction(async (tx) => {
        const ids = await revokeSessions(tx, userId, { ids: [id] });
        if (ids.length) await recordAudit(tx, auditEnded(userId, ids, 'one'));
        return ids;
      });
      // Another user's session id, or one already ended: nothing of the caller's to end.
      if (revoked.length === 0) throw notFound('No such session');
      await c.var.deps.sessions.revoke(revoked);
      return c.body(null, 204);
    },
  )
  .delete(
    '/',
    documented({
      summary: 'Sign out everywhere, this device included',
      audience: 'any',
      ok: { 200: z.object({ ended: z.number().int() }) },
    }),
    async (c) => {
      // Sign out everywhere, this device included.
      const { userId } = c.var.auth;
      const revoked = await c.var.deps.database.db.transaction(async (tx) => {
        const ids = await revokeSessions(tx, userId, { all: true });
        await recordAudit(tx, auditEnded(userId, ids, 'all'));
        return ids;
      });
      await c.var.deps.sessions.revoke(revoked);
      return c.json({ ended: revoked.length });
    },
  );

const auditEnded = (userId: string, ids: string[], scope: 'one' | 'all'): AuditEntry => ({
  actorId: userId,
  action: scope === 'all' ? 'auth.signed_out_everywhere' : 'auth.session_revoked',
  targetType: 'user',
  targetId: userId,
  details: { sessions: ids },
});

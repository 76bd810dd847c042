import { outboxMessage } from '@kigaligo/domain';
import { and, desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { recordAudit } from '../audit/record-audit';
import { outbox } from '../db/schema';
import { notFound } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { query } from '../http/validate';
import { outboxView } from '../outbox/outbox-view';

export const listQuery = z.object({
  status: z.enum(['pending', 'sent', 'dead']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** The outbox for admins: what was sent (or, in the sandbox, would have been), what is retrying, what died. */
export const adminOutboxRoutes = new Hono<AppEnv>()
  .use(requireAuth, requireRole('admin'))
  .get(
    '/',
    documented({
      summary: 'Outbox messages, newest first',
      description:
        'What was sent (or, in the sandbox, would have been), what is retrying (pending), what died.',
      audience: 'admin',
      ok: { 200: z.object({ messages: z.array(outboxMessage) }) },
      errors: [400],
    }),
    query(listQuery),
    async (c) => {
      const { status, limit } = c.req.valid('query');
      const rows = await c.var.deps.database.db
        .select()
        .from(outbox)
        .where(status ? eq(outbox.status, status) : undefined)
        .orderBy(desc(outbox.createdAt))
        .limit(limit);
      return c.json({ messages: rows.map(outboxView) });
    },
  )
  .post(
    '/:id/retry',
    documented({
      summary: 'Send a dead letter again (audited)',
      audience: 'admin',
      ok: { 200: z.object({ message: outboxMessage }) },
      errors: [404],
    }),
    async (c) => {
      const id = z.uuid().safeParse(c.req.param('id'));
      if (!id.success) throw notFound('No such message');
      const row = await c.var.deps.database.db.transaction(async (tx) => {
        const [retried] = await tx
          .update(outbox)
          .set({ status: 'pending', attempts: 0, failures: 0, nextAttemptAt: new Date(), lastError: null })
          .where(and(eq(outbox.id, id.data), eq(outbox.status, 'dead')))
          .returning();
        if (retried) {
          await recordAudit(tx, {
            actorId: c.var.auth.userId,
            action: 'outbox.retried',
            targetType: 'outbox',
            targetId: retried.id,
            details: { topic: retried.topic, idempotencyKey: retried.idempotencyKey },
          });
        }
        return retried;
      });
      if (!row) throw notFound('No dead-lettered message with this id');
      c.var.deps.logger.info({ id: row.id, by: c.var.auth.userId }, 'outbox message retried');
      return c.json({ message: outboxView(row) });
    },
  );

import { refundInput, refundView } from '@kigaligo/domain';
import { desc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { payments, refunds } from '../db/schema';
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { idempotent, keepAnswer } from '../http/idempotency';
import { jsonBody, query } from '../http/validate';
import { createRefund } from '../payments/refund-service';
import { toRefundView } from '../payments/views';

export const listQuery = z.object({
  paymentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Refunds are an admin decision: checked against what was paid, audited, and announced to the rider. */
export const refundRoutes = new Hono<AppEnv>()
  .use(requireAuth, requireRole('admin'), idempotent)
  .post(
    '/',
    documented({
      summary: 'Refund all (no amount) or part of a payment through its provider',
      description: 'Audited, the rider is notified; 409 refund_exceeds_payment | not_refundable.',
      audience: 'admin',
      idempotent: true,
      ok: { 201: z.object({ refund: refundView }) },
      errors: [400, 404, 409],
    }),
    jsonBody(refundInput),
    async (c) => {
      const input = c.req.valid('json');
      const actorId = c.var.auth.userId;
      const { refund, tripId } = await c.var.deps.database.db.transaction(async (tx) => {
        const refund = await createRefund(tx as Db, { ...input, createdBy: actorId });
        const [payment] = await tx
          .select({ tripId: payments.tripId, method: payments.method })
          .from(payments)
          .where(eq(payments.id, refund.paymentId));
        await recordAudit(tx as Db, {
          actorId,
          action: 'refund.issued',
          targetType: 'refund',
          targetId: refund.id,
          details: {
            paymentId: refund.paymentId,
            tripId: payment!.tripId,
            amount: refund.amount,
            method: payment!.method,
            reason: refund.reason,
            full: input.amount === undefined,
          },
        });
        // The answer is kept with the refund: a crash before it reaches the admin cannot refund twice.
        await keepAnswer(c, tx as Db, 201, { refund: toRefundView(refund) });
        return { refund, tripId: payment!.tripId };
      });
      c.var.deps.logger.info({ refundId: refund.id, by: actorId, amount: refund.amount }, 'refund issued');
      await c.var.deps.tripDocs.refresh(tripId);
      return c.json({ refund: toRefundView(refund) }, 201);
    },
  )
  .get(
    '/',
    documented({
      summary: 'Refunds',
      audience: 'admin',
      ok: { 200: z.object({ refunds: z.array(refundView) }) },
      errors: [400],
    }),
    query(listQuery),
    async (c) => {
      const { paymentId, limit } = c.req.valid('query');
      const rows = await c.var.deps.database.db
        .select()
        .from(refunds)
        .where(paymentId ? eq(refunds.paymentId, paymentId) : undefined)
        .orderBy(desc(refunds.createdAt))
        .limit(limit);
      return c.json({ refunds: rows.map(toRefundView) });
    },
  );

import {
  adminReportDetail as adminReportDetailSchema,
  reportNoteInput,
  reportReply,
  reportReplyInput,
  reportStatusInput,
} from '@kigaligo/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import type { Db } from '../db/client';
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { idempotent, keepAnswer } from '../http/idempotency';
import { idOrNotFound, jsonBody } from '../http/validate';
import { addNote, addReply, changeStatus } from '../reports/report-actions';
import { adminReportDetail } from '../reports/report-queries';

/**
 * Admin decisions on reports. Each runs in one transaction with its audit entry; status and replies are then
 * mirrored into the report's document (`server`, `replies`) for the reporter's app.
 */
export const adminReportRoutes = new Hono<AppEnv>()
  .use(requireAuth, requireRole('admin'), idempotent)
  .post(
    '/:id/status',
    documented({
      summary: 'Move a report',
      description:
        'submitted/triage → investigating → resolved | dismissed; anything else is 409 invalid_transition.',
      audience: 'admin',
      idempotent: true,
      ok: { 200: adminReportDetailSchema },
      errors: [400, 404],
    }),
    jsonBody(reportStatusInput),
    async (c) => {
      const id = idOrNotFound(c.req.param('id'), 'report');
      const { status, note } = c.req.valid('json');
      const { deps, auth } = c.var;
      // Answers are kept in the transaction that acts (keepAnswer): a lost answer is replayed, never redone.
      const detail = await deps.database.db.transaction(async (tx) => {
        await changeStatus(tx, auth.userId, id, status, note);
        const detail = (await adminReportDetail(tx as Db, id))!;
        await keepAnswer(c, tx as Db, 200, detail);
        return detail;
      });
      await deps.reportDocs.refresh(id);
      return c.json(detail);
    },
  )
  .post(
    '/:id/replies',
    documented({
      summary: 'Reply to the reporter',
      description: 'Mirrored into the report document; the reporter is notified.',
      audience: 'admin',
      idempotent: true,
      ok: { 201: z.object({ reply: reportReply }) },
      errors: [400, 404],
    }),
    jsonBody(reportReplyInput),
    async (c) => {
      const id = idOrNotFound(c.req.param('id'), 'report');
      const { deps, auth } = c.var;
      const reply = await deps.database.db.transaction(async (tx) => {
        const reply = await addReply(tx, auth.userId, id, c.req.valid('json').text);
        await keepAnswer(c, tx as Db, 201, { reply });
        return reply;
      });
      await deps.reportDocs.refresh(id);
      return c.json({ reply }, 201);
    },
  )
  .post(
    '/:id/notes',
    documented({
      summary: 'Internal note on a report',
      audience: 'admin',
      idempotent: true,
      ok: {
        201: z.object({
          note: z.object({ id: z.uuid(), text: z.string(), createdAt: z.iso.datetime({ offset: true }) }),
        }),
      },
      errors: [400, 404],
    }),
    jsonBody(reportNoteInput),
    async (c) => {
      const id = idOrNotFound(c.req.param('id'), 'report');
      const { deps, auth } = c.var;
      const answer = await deps.database.db.transaction(async (tx) => {
        const event = await addNote(tx, auth.userId, id, c.req.valid('json').text);
        const answer = { note: { id: event.id, text: event.text, createdAt: event.createdAt.toISOString() } };
        await keepAnswer(c, tx as Db, 201, answer);
        return answer;
      });
      return c.json(answer, 201);
    },
  );

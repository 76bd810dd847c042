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
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { idempotent } from '../http/idempotency';
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
      await deps.database.db.transaction((tx) => changeStatus(tx, auth.userId, id, status, note));
      await deps.reportDocs.refresh(id);
      return c.json((await adminReportDetail(deps.database.db, id))!);
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
      const reply = await deps.database.db.transaction((tx) =>
        addReply(tx, auth.userId, id, c.req.valid('json').text),
      );
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
      const event = await deps.database.db.transaction((tx) =>
        addNote(tx, auth.userId, id, c.req.valid('json').text),
      );
      return c.json(
        { note: { id: event.id, text: event.text, createdAt: event.createdAt.toISOString() } },
        201,
      );
    },
  );

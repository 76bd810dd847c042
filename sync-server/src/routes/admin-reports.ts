import {
  reportNoteInput,
  reportReplyInput,
  reportStatusInput,
  suspendDriverInput,
  unsuspendDriverInput,
} from '@kigaligo/domain';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { toUser } from '../db/users';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { notFound } from '../http/errors';
import { idempotent } from '../http/idempotency';
import { jsonBody } from '../http/validate';
import { addNote, addReply, changeStatus } from '../reports/report-actions';
import { adminReportDetail } from '../reports/report-queries';
import { suspendDriver, unsuspendDriver } from '../reports/suspend-driver';

const idParam = (raw: string, what: string) => {
  const id = z.uuid().safeParse(raw);
  if (!id.success) throw notFound(`No such ${what}`);
  return id.data;
};

/**
 * Admin decisions on reports. Each runs in one transaction with its audit entry; status and replies are then
 * mirrored into the report's document (`server`, `replies`) for the reporter's app.
 */
export const adminReportRoutes = new Hono<AppEnv>()
  .use(requireAuth, requireRole('admin'), idempotent)
  .post('/:id/status', jsonBody(reportStatusInput), async (c) => {
    const id = idParam(c.req.param('id'), 'report');
    const { status, note } = c.req.valid('json');
    const { deps, auth } = c.var;
    await deps.database.db.transaction((tx) => changeStatus(tx, auth.userId, id, status, note));
    await deps.reportDocs.refresh(id);
    return c.json((await adminReportDetail(deps.database.db, id))!);
  })
  .post('/:id/replies', jsonBody(reportReplyInput), async (c) => {
    const id = idParam(c.req.param('id'), 'report');
    const { deps, auth } = c.var;
    const reply = await deps.database.db.transaction((tx) =>
      addReply(tx, auth.userId, id, c.req.valid('json').text),
    );
    await deps.reportDocs.refresh(id);
    return c.json({ reply }, 201);
  })
  .post('/:id/notes', jsonBody(reportNoteInput), async (c) => {
    const id = idParam(c.req.param('id'), 'report');
    const { deps, auth } = c.var;
    const event = await deps.database.db.transaction((tx) =>
      addNote(tx, auth.userId, id, c.req.valid('json').text),
    );
    return c.json(
      { note: { id: event.id, text: event.text, createdAt: event.createdAt.toISOString() } },
      201,
    );
  });

/** Suspending drivers after reports: `/api/admin/users/:id/suspend` and `/unsuspend`. */
export const adminSuspensionRoutes = new Hono<AppEnv>()
  .use(requireAuth, requireRole('admin'), idempotent)
  .post('/:id/suspend', jsonBody(suspendDriverInput), async (c) => {
    const id = idParam(c.req.param('id'), 'user');
    const { deps, auth } = c.var;
    const row = await deps.database.db.transaction((tx) =>
      suspendDriver(tx, auth.userId, id, c.req.valid('json')),
    );
    // The suspension revoked the driver's sessions: their access tokens and open sockets end now.
    await deps.sessions.catchUp();
    // Their vehicle went off shift: it leaves everyone's live map.
    await deps.live.rosterChanged();
    deps.logger.info({ userId: id, by: auth.userId }, 'driver suspended');
    return c.json({ user: toUser(row) });
  })
  .post('/:id/unsuspend', jsonBody(unsuspendDriverInput), async (c) => {
    const id = idParam(c.req.param('id'), 'user');
    const { deps, auth } = c.var;
    const row = await deps.database.db.transaction((tx) =>
      unsuspendDriver(tx, auth.userId, id, c.req.valid('json')),
    );
    deps.logger.info({ userId: id, by: auth.userId }, 'driver unsuspended');
    return c.json({ user: toUser(row) });
  });

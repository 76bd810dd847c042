import {
  changeRoleInput,
  createStaffInput,
  role,
  suspendDriverInput,
  unsuspendDriverInput,
  user,
} from '@kigaligo/domain';
import { asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { createAccount } from '../auth/auth-service';
import { changeStaffRole } from '../auth/change-role';
import type { Db } from '../db/client';
import { users } from '../db/schema';
import { toUser } from '../db/users';
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { idempotent, keepAnswer } from '../http/idempotency';
import { idOrNotFound, jsonBody, query } from '../http/validate';
import { suspendDriver, unsuspendDriver } from '../reports/suspend-driver';

export const listQuery = z.object({ role: role.optional() });

export const adminUserRoutes = new Hono<AppEnv>()
  .use(requireAuth, requireRole('admin'))
  .get(
    '/',
    documented({
      summary: 'List users',
      audience: 'admin',
      ok: { 200: z.object({ users: z.array(user) }) },
      errors: [400],
    }),
    query(listQuery),
    async (c) => {
      const { role: wanted } = c.req.valid('query');
      const rows = await c.var.deps.database.db
        .select()
        .from(users)
        .where(wanted ? eq(users.role, wanted) : undefined)
        .orderBy(asc(users.createdAt), asc(users.email));
      return c.json({ users: rows.map(toUser) });
    },
  )
  .post(
    '/',
    documented({
      summary: 'Create a driver or admin account',
      audience: 'admin',
      ok: { 201: z.object({ user }) },
      errors: [400, 409],
    }),
    jsonBody(createStaffInput),
    async (c) => {
      const body = c.req.valid('json');
      const row = await createAccount(c.var.deps.database.db, body);
      c.var.deps.logger.info(
        { userId: row.id, role: row.role, by: c.var.auth.userId },
        'staff account created',
      );
      return c.json({ user: toUser(row) }, 201);
    },
  )
  .post(
    '/:id/role',
    documented({
      summary: 'Make a staff account a driver or an admin',
      description:
        'Its sessions end at once (access tokens refused on the next request, sockets closed with 4401) and a ' +
        'running shift ends. A rider: 409 not_staff; your own account: 409 own_role.',
      audience: 'admin',
      idempotent: true,
      ok: { 200: z.object({ user }) },
      errors: [400, 404, 409],
    }),
    idempotent,
    jsonBody(changeRoleInput),
    async (c) => {
      const id = idOrNotFound(c.req.param('id'), 'user');
      const { deps, auth } = c.var;
      const { row, endedShift } = await deps.database.db.transaction(async (tx) => {
        const changed = await changeStaffRole(tx, auth.userId, id, c.req.valid('json').role);
        await keepAnswer(c, tx as Db, 200, { user: toUser(changed.row) });
        return changed;
      });
      await deps.sessions.catchUp();
      if (endedShift) await deps.live.rosterChanged();
      deps.logger.info({ userId: id, role: row.role, by: auth.userId }, 'role changed');
      return c.json({ user: toUser(row) });
    },
  )
  // Suspending drivers after reports.
  .post(
    '/:id/suspend',
    documented({
      summary: 'Suspend a driver',
      description: 'No sign-in or refresh, sessions revoked, shift ended.',
      audience: 'admin',
      idempotent: true,
      ok: { 200: z.object({ user }) },
      errors: [400, 404],
    }),
    idempotent,
    jsonBody(suspendDriverInput),
    async (c) => {
      const id = idOrNotFound(c.req.param('id'), 'user');
      const { deps, auth } = c.var;
      const row = await deps.database.db.transaction(async (tx) => {
        const row = await suspendDriver(tx, auth.userId, id, c.req.valid('json'));
        await keepAnswer(c, tx as Db, 200, { user: toUser(row) });
        return row;
      });
      // The suspension revoked the driver's sessions: their access tokens and open sockets end now.
      await deps.sessions.catchUp();
      // Their vehicle went off shift: it leaves everyone's live map.
      await deps.live.rosterChanged();
      deps.logger.info({ userId: id, by: auth.userId }, 'driver suspended');
      return c.json({ user: toUser(row) });
    },
  )
  .post(
    '/:id/unsuspend',
    documented({
      summary: 'Lift a suspension',
      audience: 'admin',
      idempotent: true,
      ok: { 200: z.object({ user }) },
      errors: [400, 404],
    }),
    idempotent,
    jsonBody(unsuspendDriverInput),
    async (c) => {
      const id = idOrNotFound(c.req.param('id'), 'user');
      const { deps, auth } = c.var;
      const row = await deps.database.db.transaction(async (tx) => {
        const row = await unsuspendDriver(tx, auth.userId, id, c.req.valid('json'));
        await keepAnswer(c, tx as Db, 200, { user: toUser(row) });
        return row;
      });
      deps.logger.info({ userId: id, by: auth.userId }, 'driver unsuspended');
      return c.json({ user: toUser(row) });
    },
  );

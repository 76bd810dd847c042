import { createStaffInput, role } from '@kigaligo/domain';
import { asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { createAccount } from '../auth/auth-service';
import { users } from '../db/schema';
import { toUser } from '../db/users';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { jsonBody, query } from '../http/validate';

export const listQuery = z.object({ role: role.optional() });

export const adminUserRoutes = new Hono<AppEnv>()
  .use(requireAuth, requireRole('admin'))
  .get('/', query(listQuery), async (c) => {
    const { role: wanted } = c.req.valid('query');
    const rows = await c.var.deps.database.db
      .select()
      .from(users)
      .where(wanted ? eq(users.role, wanted) : undefined)
      .orderBy(asc(users.createdAt), asc(users.email));
    return c.json({ users: rows.map(toUser) });
  })
  .post('/', jsonBody(createStaffInput), async (c) => {
    const body = c.req.valid('json');
    const row = await createAccount(c.var.deps.database.db, body);
    c.var.deps.logger.info(
      { userId: row.id, role: row.role, by: c.var.auth.userId },
      'staff account created',
    );
    return c.json({ user: toUser(row) }, 201);
  });

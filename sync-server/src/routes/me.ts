import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { findUserById, toUser } from '../db/users';
import { requireAuth } from '../http/auth-middleware';
import { notFound } from '../http/errors';

export const meRoutes = new Hono<AppEnv>().get('/', requireAuth, async (c) => {
  const row = await findUserById(c.var.deps.database.db, c.var.auth.userId);
  if (!row) throw notFound('This account no longer exists');
  return c.json({ user: toUser(row) });
});

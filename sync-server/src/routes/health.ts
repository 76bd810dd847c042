import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';

export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { database, version } = c.var.deps;
  try {
    await database.db.execute(sql`select 1`);
    return c.json({ status: 'ok', db: database.kind, version });
  } catch (err) {
    c.var.deps.logger.error({ err }, 'health check: database unreachable');
    return c.json({ status: 'error', db: database.kind, version }, 503);
  }
});

import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';

export const healthRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const { database, version } = c.var.deps;
  try {
    await database.db.execute(sql`select 1`);
    // Which feed this process plans on (its feed_info version and content hash), so a deploy can be checked.
    const feed = c.var.deps.network.feedId ? c.var.deps.network.info() : null;
    const network = feed ? { version: feed.version, hash: feed.hash } : null;
    return c.json({ status: 'ok', db: database.kind, version, network });
  } catch (err) {
    c.var.deps.logger.error({ err }, 'health check: database unreachable');
    return c.json({ status: 'error', db: database.kind, version }, 503);
  }
});

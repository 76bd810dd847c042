import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { migrationsApplied } from '../db/migrate';
import { DB_RETRY_AFTER_SECONDS } from '../http/db-unavailable';
import { errorBody } from '../http/errors';

/** A probe that does not answer in this time counts as failed: orchestrators call ready every few seconds. */
const PROBE_TIMEOUT_MS = 2000;

function withinTimeout(probe: Promise<unknown>): Promise<unknown> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  return Promise.race([probe, timeout]).finally(() => clearTimeout(timer));
}

export const healthRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
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
  })
  // Liveness: the process answers. Nothing outside it is touched, so a database outage never gets it restarted.
  .get('/live', (c) => c.json({ status: 'ok' }))
  // Readiness: send traffic here only when the database (at this build's migrations) and Redis, when configured,
  // answer and it is not closing.
  .get('/ready', async (c) => {
    const { database, readiness, logger } = c.var.deps;
    const failed: string[] = [];
    if (readiness?.closing()) failed.push('closing');
    const probes: [string, () => Promise<unknown>][] = [
      [
        'database',
        async () => {
          await database.db.execute(sql`select 1`);
          // Reachable but behind this build's schema (restored, or a new primary): named apart from down.
          if (!(await migrationsApplied(database))) failed.push('migrations');
        },
      ],
    ];
    const redis = readiness?.redis;
    if (redis) probes.push(['redis', redis]);
    await Promise.all(
      probes.map(async ([name, probe]) => {
        try {
          await withinTimeout(probe());
        } catch (err) {
          logger.warn({ err, check: name }, 'readiness check failed');
          failed.push(name);
        }
      }),
    );
    if (failed.length === 0) return c.json({ status: 'ok' });
    failed.sort();
    return c.json({ ...errorBody('not_ready', `Not ready: ${failed.join(', ')}`), failed }, 503, {
      'Retry-After': String(DB_RETRY_AFTER_SECONDS),
    });
  });

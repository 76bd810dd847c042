import { apiError } from '@kigaligo/domain';
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import { migrationsApplied } from '../db/migrate';
import { documented } from '../http/api-docs';
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

const statusOk = z.object({ status: z.literal('ok') });
const healthAnswer = z.object({
  status: z.enum(['ok', 'error']),
  db: z.enum(['postgres', 'pglite']),
  version: z.string(),
  /** Absent when the database is unreachable. */
  network: z.object({ version: z.string().nullable(), hash: z.string() }).nullable().optional(),
});
const notReady = apiError.extend({ failed: z.array(z.string()) });

export const healthRoutes = new Hono<AppEnv>()
  .get(
    '/',
    documented({
      summary: 'Health: the database answers, which feed is active',
      audience: 'public',
      ok: { 200: healthAnswer, 503: healthAnswer },
    }),
    async (c) => {
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
    },
  )
  // Liveness: the process answers. Nothing outside it is touched, so a database outage never gets it restarted.
  .get(
    '/live',
    documented({
      summary: 'Orchestrator liveness: the process answers (no database access)',
      audience: 'public',
      ok: { 200: statusOk },
    }),
    (c) => c.json({ status: 'ok' }),
  )
  // Readiness: send traffic here only when the database (at this build's migrations) and Redis, when configured,
  // answer and it is not closing.
  .get(
    '/ready',
    documented({
      summary: 'Orchestrator readiness',
      description:
        'The database and Redis answer and the process is not shutting down; else 503 naming what failed, with Retry-After.',
      audience: 'public',
      ok: { 200: statusOk, 503: notReady },
    }),
    async (c) => {
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
    },
  );

import { and, eq, lt } from 'drizzle-orm';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { badRequest, HttpError } from './errors';

/** How long an answer is kept for replays: longer than any client keeps retrying a queued request. */
export const IDEMPOTENCY_TTL_HOURS = 24;

const KEY = /^[A-Za-z0-9_:.-]{8,200}$/;

/**
 * Makes a POST safe to retry when the client sends `Idempotency-Key` (behind requireAuth: keys are per user).
 * The first request runs and its answer is kept — 4xx included, so a refused decision is refused the same way
 * again; a retry gets that answer with `Idempotent-Replayed: true` and acts on nothing. A 5xx is forgotten so
 * the retry runs again. Without the header the route behaves as usual.
 */
export const idempotent = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (c.req.method !== 'POST' || key === undefined) return next();
  if (!KEY.test(key)) throw badRequest('Idempotency-Key must be 8–200 letters, digits or _:.-');
  const db = c.var.deps.database.db;
  const userId = c.var.auth.userId;
  const claimed = await db
    .insert(idempotencyKeys)
    .values({ userId, key, method: c.req.method, path: c.req.path })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  const mine = and(eq(idempotencyKeys.userId, userId), eq(idempotencyKeys.key, key));
  if (claimed.length === 0) {
    const [seen] = await db.select().from(idempotencyKeys).where(mine);
    if (!seen)
      throw new HttpError(409, 'request_in_progress', 'This request is being handled; retry shortly');
    if (seen.path !== c.req.path || seen.method !== c.req.method) {
      throw new HttpError(422, 'idempotency_key_reused', 'This Idempotency-Key was used for another request');
    }
    if (seen.status === null) {
      throw new HttpError(409, 'request_in_progress', 'This request is being handled; retry shortly');
    }
    c.header('Idempotent-Replayed', 'true');
    return c.json(seen.body as object, seen.status as ContentfulStatusCode);
  }
  await next();
  const status = c.res.status;
  const body = c.res.headers.get('content-type')?.includes('application/json')
    ? await c.res.clone().json()
    : null;
  if (status >= 500) await db.delete(idempotencyKeys).where(mine);
  else await db.update(idempotencyKeys).set({ status, body }).where(mine);
});

/** Forgets answers older than the replay window (the server runs it with the hourly retention jobs). */
export async function purgeIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3600_000);
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, cutoff))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}

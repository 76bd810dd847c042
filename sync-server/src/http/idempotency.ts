import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from '../app-env';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { badRequest, DomainError } from '../domain-error';
import { requestFingerprint } from './request-fingerprint';

/** How long an answer is kept for replays: longer than any client keeps retrying a queued request. */
export const IDEMPOTENCY_TTL_HOURS = 24;

/**
 * How long a claimed key stays owned by the request that claimed it (default of `AppDeps.idempotencyLeaseSeconds`,
 * IDEMPOTENCY_LEASE_SECONDS). Far longer than any request here runs (they are single transactions); a request
 * still unanswered after it died with its process, and its key is released so the client's retry can run instead
 * of meeting "in progress" for the rest of the replay window.
 */
export const IDEMPOTENCY_LEASE_SECONDS = 60;

/** What a retry during processing is told to wait: requests finish in well under a second. */
export const IN_PROGRESS_RETRY_AFTER_SECONDS = 1;

const KEY = /^[A-Za-z0-9_:.-]{8,200}$/;

const inProgress = () =>
  new DomainError(
    'conflict',
    'request_in_progress',
    'This request is still being handled; retry in a moment',
    undefined,
    IN_PROGRESS_RETRY_AFTER_SECONDS,
  );

const reused = () =>
  new DomainError(
    'unprocessable',
    'idempotency_key_reused',
    'This Idempotency-Key was used for a different request',
  );

type Claim = { kind: 'run'; leaseUntil: Date } | { kind: 'replay'; status: number; body: unknown };

/**
 * The key this request holds. `leaseUntil` is also the proof of ownership: a request taken for dead and
 * overtaken by its retry finds the row's lease changed and may no longer record (or act).
 */
export interface HeldKey {
  userId: string;
  key: string;
  leaseUntil: Date;
  /** The answer went into the database with the request's own transaction (keepAnswer). */
  kept: boolean;
}

/**
 * Takes the key for this request, or says what to answer instead. A key is free when nobody has it, or when
 * the request holding it died (its lease ran out with no answer recorded); both are taken with one
 * conditional statement, so of any number of concurrent requests with one key exactly one runs.
 */
async function claim(
  db: Db,
  row: typeof idempotencyKeys.$inferInsert,
  now: Date,
  leaseSeconds: number,
): Promise<Claim> {
  const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
  const mine = and(eq(idempotencyKeys.userId, row.userId), eq(idempotencyKeys.key, row.key));
  // Two rounds: a key whose 5xx answer is being forgotten can vanish between the insert and the read.
  for (let round = 0; round < 2; round++) {
    const inserted = await db
      .insert(idempotencyKeys)
      .values({ ...row, leaseUntil })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (inserted.length > 0) return { kind: 'run', leaseUntil };
    const [seen] = await db.select().from(idempotencyKeys).where(mine);
    if (!seen) continue;
    // Rows from before fingerprints were kept are compared on what they recorded: method and path.
    const same = seen.fingerprint
      ? seen.fingerprint === row.fingerprint
      : seen.method === row.method && seen.path === row.path;
    if (!same) throw reused();
    if (seen.status !== null) return { kind: 'replay', status: seen.status, body: seen.body };
    if (seen.leaseUntil > now) throw inProgress();
    const taken = await db
      .update(idempotencyKeys)
      .set({ leaseUntil })
      .where(and(mine, isNull(idempotencyKeys.status), lt(idempotencyKeys.leaseUntil, now)))
      .returning({ key: idempotencyKeys.key });
    if (taken.length > 0) return { kind: 'run', leaseUntil };
    throw inProgress();
  }
  throw inProgress();
}

/**
 * Makes a POST safe to retry when the client sends `Idempotency-Key` (behind requireAuth: keys are per user),
 * with the rules of payment APIs. The key is bound to the request's fingerprint (method, path, canonical body):
 * the same key with a different request is refused with 422 `idempotency_key_reused`. The first request runs and
 * its answer is kept — 4xx included, so a refused decision is refused the same way again; a retry gets that
 * answer with `Idempotent-Replayed: true` and acts on nothing. A retry while the first is still running gets 409
 * `request_in_progress` with `Retry-After` (clients retry it; it is not a refusal). A 5xx is forgotten so the
 * retry runs again, and a request that died mid-way releases its key after the lease. Routes that act in one
 * transaction record their answer in it (`keepAnswer`), so dying after the commit cannot make the retry act
 * again. Without the header the route behaves as usual.
 */
export const idempotent = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header('idempotency-key');
  if (c.req.method !== 'POST' || key === undefined) return next();
  if (!KEY.test(key)) throw badRequest('Idempotency-Key must be 8–200 letters, digits or _:.-');
  const { database, idempotencyLeaseSeconds } = c.var.deps;
  const db = database.db;
  const userId = c.var.auth.userId;
  // Read through Hono's body cache: the route's validator reads the same body afterwards.
  const fingerprint = requestFingerprint(c.req.method, c.req.path, await c.req.text());
  const row = { userId, key, method: c.req.method, path: c.req.path, fingerprint };
  const outcome = await claim(db, row, new Date(), idempotencyLeaseSeconds ?? IDEMPOTENCY_LEASE_SECONDS);
  if (outcome.kind === 'replay') {
    c.header('Idempotent-Replayed', 'true');
    return c.json(outcome.body as object, outcome.status as ContentfulStatusCode);
  }
  const held: HeldKey = { userId, key, leaseUntil: outcome.leaseUntil, kept: false };
  c.set('idempotencyKey', held);
  await next();
  const status = c.res.status;
  // Only while still ours and unanswered: a request overtaken after its lease ran out leaves the key to the one
  // that runs now, and an answer kept with a committed transaction stays (the change happened), even if
  // something after the commit failed. A kept answer whose transaction rolled back is unanswered again.
  if (status >= 500) {
    await db.delete(idempotencyKeys).where(ownedBy(held));
    return;
  }
  if (held.kept) return;
  const body = c.res.headers.get('content-type')?.includes('application/json')
    ? await c.res.clone().json()
    : null;
  await db.update(idempotencyKeys).set({ status, body }).where(ownedBy(held));
});

const ownedBy = (held: HeldKey) =>
  and(
    eq(idempotencyKeys.userId, held.userId),
    eq(idempotencyKeys.key, held.key),
    isNull(idempotencyKeys.status),
    eq(idempotencyKeys.leaseUntil, held.leaseUntil),
  );

/**
 * Records the answer inside the route's own transaction, with the change it answers for: a process that dies
 * after the commit but before answering leaves the answer behind, so the retry (after the lease) replays it
 * instead of acting a second time (a second refund). Throws 409 `request_in_progress` when the key is no longer
 * this request's (it was taken for dead and its retry runs): the transaction rolls back, so only one of them
 * acts. Without an Idempotency-Key it does nothing. Call it last in the transaction, with what the route answers.
 */
export async function keepAnswer(c: Context<AppEnv>, tx: Db, status: number, body: unknown): Promise<void> {
  const held = c.get('idempotencyKey');
  if (!held) return;
  const kept = await tx
    .update(idempotencyKeys)
    .set({ status, body })
    .where(ownedBy(held))
    .returning({ key: idempotencyKeys.key });
  if (kept.length === 0) throw inProgress();
  held.kept = true;
}

/** Forgets answers older than the replay window (the server runs it with the hourly retention jobs). */
export async function purgeIdempotencyKeys(db: Db, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3600_000);
  const rows = await db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.createdAt, cutoff))
    .returning({ key: idempotencyKeys.key });
  return rows.length;
}

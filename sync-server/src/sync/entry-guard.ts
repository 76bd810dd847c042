import { createHash } from 'node:crypto';
import { type ReconcileRejection, toStorableText } from '@kigaligo/domain';
import { parseRejectionKey, rejectionKey, WHOLE_DOCUMENT } from '@kigaligo/sync-protocol';
import { and, eq, inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../db/client';
import { reconcileFailures } from '../db/schema';
import { DomainError } from '../domain-error';
import { entryValue, writeEntry } from './doc-entries';
import { afterFailure, classifyFailure, type RetryPolicy } from './retry-policy';

type FailureRow = typeof reconcileFailures.$inferSelect;

/** What became of one entry in this run. */
export type EntryOutcome<T> =
  | { status: 'done'; value: T }
  /** A service refused it with a reason of its own (DomainError): the reconciler answers it as it always has. */
  | { status: 'refused'; error: DomainError }
  /** It failed: retried later, or rejected in the document now (SS12). Other entries go on. */
  | { status: 'failed' }
  /** Rejected before as it stands, or its next retry is not due yet. */
  | { status: 'skipped' };

/**
 * JSON of whatever a device wrote, with object keys sorted (a Y.Map's insertion order does not change an entry's
 * digest). Devices can put anything Yjs encodes into a document — nested shared types, sub-documents, binary,
 * bigints — so nothing here may throw on what plain JSON cannot hold.
 */
function canonical(value: unknown): string {
  const json = JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'bigint') return `${v}n`;
    if (v instanceof Y.AbstractType) return v.toJSON();
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return `[${v.constructor?.name ?? 'object'}]`;
    return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)));
  });
  return json ?? 'undefined';
}

export function entryFingerprint(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex').slice(0, 32);
}

/**
 * The entry key as stored in `reconcile_failures`: document keys are any string a device chose, but the table
 * cannot hold U+0000 or lone surrogates and its index refuses very long keys. JSON escaping is one-to-one and
 * leaves ordinary keys as they are; a long key keeps its start plus a digest of the whole.
 */
export function storedEntryKey(key: string): string {
  const escaped = JSON.stringify(key).slice(1, -1);
  if (escaped.length <= 200) return escaped;
  return `${escaped.slice(0, 150)}…${createHash('sha256').update(escaped).digest('hex').slice(0, 16)}`;
}

/** The raw key of a stored one, when it can be told (not for shortened keys). */
function rawEntryKey(stored: string): string | undefined {
  try {
    const raw: unknown = JSON.parse(`"${stored}"`);
    return typeof raw === 'string' && storedEntryKey(raw) === stored ? raw : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One reconcile run's view of failing entries (SS12). Reconcilers run each client-written entry through
 * `entry()`, which gives it its own savepoint and contains whatever it throws: a transient failure (database
 * unreachable) is rethrown so the whole run is retried with backoff; anything else counts an attempt in
 * `reconcile_failures` and, after the policy's last attempt, rejects the entry in the document's server-only
 * `rejections` map. `reject()` rejects at once (an entry its schema refuses will not get better by waiting).
 * The scheduler then stores the rows (`persist`) and writes the rejections back (`change`).
 */
export class EntryGuard {
  private readonly seen = new Set<string>();
  private readonly failed = new Map<string, Omit<FailureRow, 'docName' | 'userId' | 'firstFailedAt'>>();
  private readonly rejectNow = new Map<string, ReconcileRejection>();
  private readonly resolved = new Set<string>();
  private earliestRetry: Date | undefined;

  constructor(
    private readonly docName: string,
    private readonly doc: Y.Doc,
    /** The document's `rejections` key. */
    private readonly rejectionsKey: string,
    private readonly userId: string | null,
    private readonly rows: Map<string, FailureRow>,
    private readonly policy: RetryPolicy,
    private readonly now: Date,
    /** A retry timer started this run: entries waiting for their retry time are due now. */
    private readonly retriesDue: boolean,
  ) {}

  static async load(
    tx: Db,
    docName: string,
    doc: Y.Doc,
    rejectionsKey: string,
    userId: string | null,
    policy: RetryPolicy,
    opts: { now: Date; retriesDue: boolean },
  ): Promise<EntryGuard> {
    const rows = await tx.select().from(reconcileFailures).where(eq(reconcileFailures.docName, docName));
    const byKey = new Map(rows.map((r) => [r.entryKey, r]));
    return new EntryGuard(docName, doc, rejectionsKey, userId, byKey, policy, opts.now, opts.retriesDue);
  }

  /** When a retry is due, if some entry is waiting for one: the document is not reconciled until then. */
  get retryAt(): Date | undefined {
    return this.earliestRetry;
  }

  private rejection(key: string): Partial<ReconcileRejection> | undefined {
    const map = this.doc.getMap<unknown>(this.rejectionsKey);
    return entryValue(map.get(key)) as Partial<ReconcileRejection> | undefined;
  }

  private noteRetry(at: Date): void {
    if (!this.earliestRetry || at < this.earliestRetry) this.earliestRetry = at;
  }

  /** True when this entry, exactly as it is, was rejected or must wait for its retry: leave it alone. */
  private settled(key: string, fingerprint: string): boolean {
    if (this.rejection(key)?.fingerprint === fingerprint) return true;
    const row = this.rows.get(storedEntryKey(key));
    if (!row || row.fingerprint !== fingerprint) return false;
    if (row.rejectedAt) {
      // Rejected, but the answer never reached the document (a crash before the write-back): write it again.
      this.rejectNow.set(key, {
        code: row.code as ReconcileRejection['code'],
        message: row.message,
        attempts: row.attempts,
        rejectedAt: row.rejectedAt.toISOString(),
        fingerprint,
      });
      return true;
    }
    if (!this.retriesDue && row.nextAttemptAt && row.nextAttemptAt > this.now) {
      this.noteRetry(row.nextAttemptAt);
      return true;
    }
    return false;
  }

  /** Runs `work` for the entry `collection/id` (whose value is `value`) in its own savepoint. */
  async entry<T>(
    tx: Db,
    collection: string,
    id: string,
    value: unknown,
    work: (sp: Db) => Promise<T>,
  ): Promise<EntryOutcome<T>> {
    const key = rejectionKey(collection, id);
    const fingerprint = entryFingerprint(value);
    this.seen.add(key);
    if (this.settled(key, fingerprint)) return { status: 'skipped' };
    try {
      const result = await tx.transaction((sp) => work(sp));
      this.resolve(key);
      return { status: 'done', value: result };
    } catch (err) {
      if (err instanceof DomainError) {
        this.resolve(key);
        return { status: 'refused', error: err };
      }
      const kind = classifyFailure(err);
      if (kind.transient) throw err;
      this.fail(key, fingerprint, kind.code, kind.message);
      return { status: 'failed' };
    }
  }

  /** Rejects the entry at once (its schema refuses it); a no-op when it is already rejected as it stands. */
  reject(collection: string, id: string, value: unknown, message: string): void {
    const key = rejectionKey(collection, id);
    const fingerprint = entryFingerprint(value);
    this.seen.add(key);
    if (this.settled(key, fingerprint)) return;
    this.record(key, fingerprint, 'invalid', message, 1, true);
  }

  /** The entry went through (or a later version of it did), or the whole document reconciled. */
  resolve(key: string): void {
    if (this.rows.has(storedEntryKey(key)) || this.rejection(key)) this.resolved.add(key);
  }

  /** Counts a permanent failure of the entry (or, with `*`, the whole document); rejects on the last attempt. */
  fail(key: string, fingerprint: string, code: ReconcileRejection['code'], message: string): void {
    const row = this.rows.get(storedEntryKey(key));
    const attempts = row && row.fingerprint === fingerprint ? row.attempts + 1 : 1;
    const next = afterFailure(this.policy, attempts, this.now);
    this.record(key, fingerprint, code, message, attempts, next.reject);
    if (!next.reject) {
      this.failed.get(key)!.nextAttemptAt = next.retryAt;
      this.noteRetry(next.retryAt);
    }
  }

  private record(
    key: string,
    fingerprint: string,
    code: ReconcileRejection['code'],
    message: string,
    attempts: number,
    reject: boolean,
  ): void {
    this.resolved.delete(key);
    this.failed.set(key, {
      entryKey: storedEntryKey(key),
      code,
      message: toStorableText(message).slice(0, 500),
      fingerprint,
      attempts,
      lastFailedAt: this.now,
      nextAttemptAt: null,
      rejectedAt: reject ? this.now : null,
    });
    if (reject) {
      this.rejectNow.set(key, { code, message, attempts, rejectedAt: this.now.toISOString(), fingerprint });
    }
  }

  /** Whether the entry behind a rejection key is still in the document (the user did not discard it). */
  private exists(key: string): boolean {
    if (key === WHOLE_DOCUMENT) return true;
    const parsed = parseRejectionKey(key);
    if (!parsed || !this.doc.share.has(parsed.collection)) return false;
    // Apps remove an entry by writing null over it (client sync/pending.ts).
    return (this.doc.getMap(parsed.collection).get(parsed.id) ?? null) !== null;
  }

  /** Rejections in the document whose entry the user removed (discarded) since: they go too. */
  private orphanRejections(): string[] {
    return [...this.doc.getMap(this.rejectionsKey).keys()].filter(
      (key) => !this.seen.has(key) && !this.failed.has(key) && !this.exists(key),
    );
  }

  /** Stores this run's failures and forgets resolved and discarded ones, in the reconcile transaction. */
  async persist(tx: Db): Promise<void> {
    const failedKeys = new Set([...this.failed.values()].map((f) => f.entryKey));
    const gone = new Set([...this.resolved].map(storedEntryKey));
    for (const stored of this.rows.keys()) {
      const raw = rawEntryKey(stored);
      if (raw !== undefined && !this.seen.has(raw) && !this.exists(raw)) gone.add(stored);
    }
    const remove = [...gone].filter((k) => this.rows.has(k) && !failedKeys.has(k));
    if (remove.length > 0) {
      await tx
        .delete(reconcileFailures)
        .where(and(eq(reconcileFailures.docName, this.docName), inArray(reconcileFailures.entryKey, remove)));
    }
    for (const f of this.failed.values()) {
      const row = { ...f, docName: this.docName, userId: this.userId };
      const restart = this.rows.get(f.entryKey)?.fingerprint !== f.fingerprint;
      await tx
        .insert(reconcileFailures)
        .values({ ...row, firstFailedAt: this.now })
        .onConflictDoUpdate({
          target: [reconcileFailures.docName, reconcileFailures.entryKey],
          // An edited entry is a new issue: its age starts again.
          set: restart ? { ...row, firstFailedAt: this.now } : row,
        });
    }
  }

  /** The write-back: new rejections in, resolved and orphaned ones out; undefined when nothing changes. */
  change(): ((doc: Y.Doc) => void) | undefined {
    const present = this.doc.getMap<unknown>(this.rejectionsKey);
    const remove = [...this.resolved, ...this.orphanRejections()].filter((k) => present.has(k));
    if (this.rejectNow.size === 0 && remove.length === 0) return undefined;
    const add = [...this.rejectNow];
    return (target) => {
      const map = target.getMap<unknown>(this.rejectionsKey) as Y.Map<unknown>;
      for (const key of remove) map.delete(key);
      for (const [key, rejection] of add) writeEntry(map, key, rejection);
    };
  }
}

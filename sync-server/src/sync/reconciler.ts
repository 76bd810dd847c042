import { type DocRef, parseDocName, WHOLE_DOCUMENT } from '@kigaligo/sync-protocol';
import { eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Db } from '../db/client';
import { syncDocuments, syncUpdates } from '../db/schema';
import type { Appended, DocStore } from './doc-store';
import type { DocChange, DocTypes, DocWriter } from './doc-type';
import { EntryGuard } from './entry-guard';
import type { Fanout } from './fanout';
import { classifyFailure, defaultRetryPolicy, type RetryPolicy, retryDelay } from './retry-policy';

export type { ReconcileFn } from './doc-type';

export interface ReconcileSchedulerDeps {
  db: Db;
  store: DocStore;
  fanout: Fanout;
  /** What each document type reconciles into (the features' registrations). */
  docTypes: DocTypes;
  /** Writes a reconciler's answer into the document; resolves once it, and whatever it started, is stored. */
  writeBack: DocWriter;
  logger: Logger;
  policy?: RetryPolicy | undefined;
}

/** Hears of each completed reconciliation: the document and the update id it reached (tests, diagnostics). */
export type ReconciledListener = (docName: string, upTo: number) => void;

const DEBOUNCE_MS = 250;

/** Records that the document's updates up to `upTo` are in the tables; never moves the mark back. */
async function markReconciled(db: Db, docName: string, upTo: number): Promise<void> {
  await db
    .update(syncDocuments)
    .set({ reconciledUpdateId: sql`greatest(${syncDocuments.reconciledUpdateId}, ${upTo})` })
    .where(eq(syncDocuments.docName, docName));
}
const LEASE_MS = 30_000;

/** Whose failures these are ("Sync issues"): the user in the name, else the document's owner. */
function userOf(ref: DocRef, row: { ownerId: string | null }): string | null {
  return 'userId' in ref ? ref.userId : row.ownerId;
}

function compose(...changes: (DocChange | undefined)[]): DocChange | undefined {
  const present = changes.filter((c) => c !== undefined);
  if (present.length === 0) return undefined;
  return (doc) => {
    for (const change of present) change(doc);
  };
}

interface RunOptions {
  /** Run even when no update arrived since the last run (something the reconciler reads changed elsewhere). */
  force?: boolean;
  /** Started by a retry timer: entries waiting for their retry are due. */
  retriesDue?: boolean;
}

/** Debounced, leased reconciliation of stored documents into tables (SS8, SS9), with bounded retries (SS12). */
export class ReconcileScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly retryTimers = new Map<string, NodeJS.Timeout>();
  /** Transient failures of whole runs in a row, per document: the backoff's exponent. */
  private readonly transientFailures = new Map<string, number>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly listeners = new Set<ReconciledListener>();
  private closed = false;
  private readonly db: Db;
  private readonly store: DocStore;
  private readonly fanout: Fanout;
  private readonly docTypes: DocTypes;
  private readonly logger: Logger;
  private readonly policy: RetryPolicy;

  constructor(private readonly deps: ReconcileSchedulerDeps) {
    this.db = deps.db;
    this.store = deps.store;
    this.fanout = deps.fanout;
    this.docTypes = deps.docTypes;
    this.logger = deps.logger;
    this.policy = deps.policy ?? defaultRetryPolicy;
  }

  /** Calls `listener` after each completed reconciliation until the returned function is called. */
  onReconciled(listener: ReconciledListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private reconciled(docName: string, upTo: number): void {
    for (const listener of this.listeners) listener(docName, upTo);
  }

  /** The answer, then whatever the document type says the answer started (SS8: all of it is the write-back). */
  private async writeBack(docName: string, change: DocChange): Promise<void> {
    await this.deps.writeBack(docName, change);
    const ref = parseDocName(docName);
    await (ref && this.docTypes.of(ref))?.settled?.();
  }

  /**
   * Schedules a run; with `rootKeys`, only when the update changed a key the reconciler reads. An update that
   * changed none (preferences, the server's own answers) moves the reconciled mark over itself when everything
   * before it was reconciled, so a lagging mark always means work not done ("Sync issues" lists it). The append
   * itself usually moved it (`markMoved`); when it could not (earlier work was still being reconciled), the
   * move waits here behind that work.
   */
  schedule(docName: string, rootKeys?: Set<string>, appended?: Appended): void {
    const ref = parseDocName(docName);
    const reconciler = ref && this.docTypes.of(ref);
    if (!reconciler || this.closed) return;
    if (rootKeys && !reconciler.watch.some((k) => rootKeys.has(k))) {
      if (appended && !appended.markMoved)
        void this.enqueue(docName, () => this.advancePast(docName, appended.id));
      return;
    }
    clearTimeout(this.timers.get(docName));
    this.timers.set(
      docName,
      setTimeout(() => {
        this.timers.delete(docName);
        void this.run(docName);
      }, DEBOUNCE_MS),
    );
  }

  /** Moves the mark to `updateId` only if it already covered every update before it (one atomic statement). */
  private async advancePast(docName: string, updateId: number): Promise<void> {
    await this.db
      .update(syncDocuments)
      .set({ reconciledUpdateId: sql`greatest(${syncDocuments.reconciledUpdateId}, ${updateId})` })
      .where(
        sql`${syncDocuments.docName} = ${docName} and ${syncDocuments.reconciledUpdateId} >= coalesce(
          (select max(u.id) from ${syncUpdates} u where u.doc_name = ${docName} and u.id < ${updateId}),
          ${syncDocuments.snapshotUpdateId})`,
      );
  }

  /** Runs `task` after whatever this document is already running, never two at once. */
  private async enqueue(docName: string, task: () => Promise<void>): Promise<void> {
    const previous = this.running.get(docName) ?? Promise.resolve();
    const next = previous.then(task).catch((err: unknown) => {
      this.logger.error({ err, doc: docName }, 'reconcile bookkeeping failed');
    });
    this.running.set(docName, next);
    await next;
    if (this.running.get(docName) === next) this.running.delete(docName);
  }

  /** Reconciles now (tests and shutdown); resolves when done, failures included (they schedule a retry). */
  async run(docName: string, opts: RunOptions = {}): Promise<void> {
    await this.enqueue(docName, () => this.attempt(docName, opts));
  }

  private async attempt(docName: string, opts: RunOptions): Promise<void> {
    try {
      const retryAt = await this.reconcile(docName, opts);
      this.transientFailures.delete(docName);
      if (retryAt) this.retryLater(docName, retryAt.getTime() - Date.now());
    } catch (err) {
      const kind = classifyFailure(err);
      if (kind.transient) {
        // Not the document's fault: try again, ever more slowly up to the cap, for as long as it lasts.
        const failures = (this.transientFailures.get(docName) ?? 0) + 1;
        this.transientFailures.set(docName, failures);
        this.logger.warn({ err, doc: docName, failures }, 'reconcile failed for now; retrying');
        this.retryLater(docName, retryDelay(this.policy, failures));
        return;
      }
      // Something no entry guard contained (a bug outside any entry): count it against the whole document.
      this.logger.error({ err, doc: docName }, 'reconcile failed');
      await this.failWholeDocument(docName, kind.code, kind.message);
    }
  }

  private retryLater(docName: string, delayMs: number): void {
    if (this.closed) return;
    clearTimeout(this.retryTimers.get(docName));
    const timer = setTimeout(
      () => {
        this.retryTimers.delete(docName);
        void this.run(docName, { force: true, retriesDue: true });
      },
      Math.max(0, delayMs),
    );
    timer.unref();
    this.retryTimers.set(docName, timer);
  }

  /**
   * One more attempt of the whole document failed: retried with backoff, and after the last attempt marked
   * rejected (`rejections['*']`) and reconciled, so it stops being retried until the user changes it.
   */
  private async failWholeDocument(
    docName: string,
    code: 'refused' | 'server_error',
    message: string,
  ): Promise<void> {
    const ref = parseDocName(docName);
    const type = ref && this.docTypes.of(ref);
    if (!type) return;
    const result = await this.db.transaction(async (tx) => {
      // Locked like a reconcile run, so a compaction cannot commit between reading the snapshot and the log.
      const [row] = await tx
        .select()
        .from(syncDocuments)
        .where(eq(syncDocuments.docName, docName))
        .for('update');
      if (!row) return undefined;
      const stored = await this.store.load(docName, tx);
      const doc = new Y.Doc();
      if (stored.state) Y.applyUpdate(doc, stored.state);
      const guard = await EntryGuard.load(
        tx,
        docName,
        doc,
        type.rejectionsKey,
        userOf(ref, row),
        this.policy,
        {
          now: new Date(),
          retriesDue: true,
        },
      );
      // The document as stored is what failed: a new update is a new chance from attempt 1.
      guard.fail(WHOLE_DOCUMENT, `update:${stored.lastUpdateId}`, code, message);
      await guard.persist(tx);
      doc.destroy();
      return { change: guard.change(), retryAt: guard.retryAt, upTo: stored.lastUpdateId };
    });
    if (!result) return;
    if (result.retryAt) return this.retryLater(docName, result.retryAt.getTime() - Date.now());
    if (result.change) await this.writeBack(docName, result.change);
    await markReconciled(this.db, docName, result.upTo);
    this.reconciled(docName, result.upTo);
  }

  /** One run; returns when an entry waits for a retry (the document then stays unreconciled until it is done). */
  private async reconcile(docName: string, opts: RunOptions): Promise<Date | undefined> {
    const ref = parseDocName(docName);
    const type = ref && this.docTypes.of(ref);
    if (!type) return undefined;
    // One process at a time reconciles a document (with Redis, across processes). Another process has it: what
    // this one stored may have come after that run read the document, so look again once it is done (a run that
    // finds nothing new ends at the mark check).
    if (!(await this.fanout.acquireLease(`reconcile:${docName}`, LEASE_MS))) {
      this.schedule(docName);
      return undefined;
    }
    let pending: { change: DocChange; upTo: number; retryAt: Date | undefined } | undefined;
    let retryAt: Date | undefined;
    try {
      pending = await this.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(syncDocuments)
          .where(eq(syncDocuments.docName, docName))
          .for('update');
        const stored = await this.store.load(docName, tx);
        if (!row || (!opts.force && stored.lastUpdateId <= row.reconciledUpdateId)) return undefined;
        const doc = new Y.Doc();
        if (stored.state) Y.applyUpdate(doc, stored.state);
        const guard = await EntryGuard.load(
          tx,
          docName,
          doc,
          type.rejectionsKey,
          userOf(ref, row),
          this.policy,
          {
            now: new Date(),
            retriesDue: opts.retriesDue ?? false,
          },
        );
        const change = await type.reconcile(ref, doc, tx, guard);
        guard.resolve(WHOLE_DOCUMENT);
        await guard.persist(tx);
        const all = compose(change, guard.change());
        doc.destroy();
        retryAt = guard.retryAt;
        // With an answer to write back, the reconciliation is done only once that answer is stored: the mark
        // moves after the write-back (below), so a crash between this commit and the write-back reconciles
        // the document again on start, which repeats the answer and changes no row (SS8).
        if (all) return { change: all, upTo: stored.lastUpdateId, retryAt };
        // An entry waiting for its retry keeps the document unreconciled, so a restart retries it too.
        if (!retryAt) {
          await markReconciled(tx, docName, stored.lastUpdateId);
          this.reconciled(docName, stored.lastUpdateId);
        }
        return undefined;
      });
      if (!pending) return retryAt;
      // Still under the lease: a run in another process that read the document before this answer was stored
      // would answer again, with another time (two `serverSavedAt` for one route).
      await this.writeBack(docName, pending.change);
      if (!pending.retryAt) {
        await markReconciled(this.db, docName, pending.upTo);
        this.reconciled(docName, pending.upTo);
      }
      return pending.retryAt;
    } finally {
      await this.fanout.releaseLease(`reconcile:${docName}`);
    }
  }

  /** Runs what is scheduled now instead of waiting for the debounce (shutdown); retries wait for the restart. */
  async flush(): Promise<void> {
    const pending = [...this.timers.keys()];
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...pending.map((d) => this.run(d)), ...this.running.values()]);
  }

  /** Stops retry timers (shutdown): documents still retrying are unreconciled and retried on the next start. */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.retryTimers.values()) clearTimeout(t);
    this.retryTimers.clear();
    await this.flush();
  }
}

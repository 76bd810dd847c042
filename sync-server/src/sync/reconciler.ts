import { type DocRef, parseDocName } from '@kigaligo/sync-protocol';
import { eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { Db } from '../db/client';
import { syncDocuments } from '../db/schema';
import type { DocStore } from './doc-store';
import type { Fanout } from './fanout';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/**
 * Maps one document type into relational rows. It gets the whole stored document and must write rows as a
 * pure function of it (upserts and deletes), so running it twice is harmless (SS8). It may return a change
 * to write back into the document as the server.
 */
export type ReconcileFn = (ref: DocRef, doc: Y.Doc, tx: Tx) => Promise<((doc: Y.Doc) => void) | undefined>;

export interface Reconciler {
  /** Top-level document keys the reconciler reads; updates touching none of them do not trigger it. */
  watch: readonly string[];
  reconcile: ReconcileFn;
}
export type Reconcilers = Partial<Record<DocRef['type'], Reconciler>>;

const DEBOUNCE_MS = 250;

/** Records that the document's updates up to `upTo` are in the tables; never moves the mark back. */
async function markReconciled(db: Db, docName: string, upTo: number): Promise<void> {
  await db
    .update(syncDocuments)
    .set({ reconciledUpdateId: sql`greatest(${syncDocuments.reconciledUpdateId}, ${upTo})` })
    .where(eq(syncDocuments.docName, docName));
}
const LEASE_MS = 30_000;

/** Debounced, leased reconciliation of stored documents into tables (SS8, SS9). */
export class ReconcileScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  /** Every completed reconciliation (document and the update id it reached), for tests and diagnostics. */
  readonly history: { docName: string; upTo: number }[] = [];
  private writeBack: (docName: string, change: (doc: Y.Doc) => void) => Promise<void> = async () => {};

  constructor(
    private readonly db: Db,
    private readonly store: DocStore,
    private readonly fanout: Fanout,
    private readonly reconcilers: Reconcilers,
    private readonly logger: Logger,
  ) {}

  /** `fn` resolves once the change, and whatever the change started, is stored. */
  setWriteBack(fn: (docName: string, change: (doc: Y.Doc) => void) => Promise<void>): void {
    this.writeBack = fn;
  }

  /** Schedules a run; with `rootKeys`, only when the update changed a key the reconciler reads. */
  schedule(docName: string, rootKeys?: Set<string>): void {
    const ref = parseDocName(docName);
    const reconciler = ref && this.reconcilers[ref.type];
    if (!reconciler) return;
    if (rootKeys && !reconciler.watch.some((k) => rootKeys.has(k))) return;
    clearTimeout(this.timers.get(docName));
    this.timers.set(
      docName,
      setTimeout(() => {
        this.timers.delete(docName);
        void this.run(docName);
      }, DEBOUNCE_MS),
    );
  }

  /**
   * Reconciles now (tests and shutdown); resolves when done. `force` runs even when no update arrived since the
   * last run: something the reconciler reads outside the document changed (evidence for a waiting report).
   */
  async run(docName: string, opts: { force?: boolean } = {}): Promise<void> {
    const previous = this.running.get(docName) ?? Promise.resolve();
    const next = previous
      .then(() => this.reconcile(docName, opts.force ?? false))
      .catch((err: unknown) => {
        this.logger.error({ err, doc: docName }, 'reconcile failed; will retry on the next update');
      });
    this.running.set(docName, next);
    await next;
    if (this.running.get(docName) === next) this.running.delete(docName);
  }

  private async reconcile(docName: string, force: boolean): Promise<void> {
    const ref = parseDocName(docName);
    const fn = ref && this.reconcilers[ref.type]?.reconcile;
    if (!fn) return;
    // One process at a time reconciles a document (with Redis, across processes).
    if (!(await this.fanout.acquireLease(`reconcile:${docName}`, LEASE_MS))) return;
    let pending: { change: (doc: Y.Doc) => void; upTo: number } | undefined;
    try {
      pending = await this.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(syncDocuments)
          .where(eq(syncDocuments.docName, docName))
          .for('update');
        const stored = await this.store.load(docName, tx);
        if (!row || (!force && stored.lastUpdateId <= row.reconciledUpdateId)) return undefined;
        const doc = new Y.Doc();
        if (stored.state) Y.applyUpdate(doc, stored.state);
        const change = await fn(ref, doc, tx);
        doc.destroy();
        // With an answer to write back, the reconciliation is done only once that answer is stored: the mark
        // moves after the write-back (below), so a crash between this commit and the write-back reconciles
        // the document again on start, which repeats the answer and changes no row (SS8).
        if (change) return { change, upTo: stored.lastUpdateId };
        await markReconciled(tx, docName, stored.lastUpdateId);
        this.history.push({ docName, upTo: stored.lastUpdateId });
        return undefined;
      });
    } finally {
      await this.fanout.releaseLease(`reconcile:${docName}`);
    }
    if (!pending) return;
    await this.writeBack(docName, pending.change);
    await markReconciled(this.db, docName, pending.upTo);
    this.history.push({ docName, upTo: pending.upTo });
  }

  /** Runs what is scheduled now instead of waiting for the debounce (shutdown). */
  async flush(): Promise<void> {
    const pending = [...this.timers.keys()];
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...pending.map((d) => this.run(d)), ...this.running.values()]);
  }
}

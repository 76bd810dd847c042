import { type DocRef, parseDocName } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
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
    let change: ((doc: Y.Doc) => void) | undefined;
    try {
      change = await this.db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(syncDocuments)
          .where(eq(syncDocuments.docName, docName))
          .for('update');
        const stored = await this.store.load(docName, tx);
        if (!row || (!force && stored.lastUpdateId <= row.reconciledUpdateId)) return undefined;
        const doc = new Y.Doc();
        if (stored.state) Y.applyUpdate(doc, stored.state);
        const result = await fn(ref, doc, tx);
        doc.destroy();
        await tx
          .update(syncDocuments)
          .set({ reconciledUpdateId: stored.lastUpdateId })
          .where(eq(syncDocuments.docName, docName));
        this.history.push({ docName, upTo: stored.lastUpdateId });
        return result;
      });
    } finally {
      await this.fanout.releaseLease(`reconcile:${docName}`);
    }
    if (change) await this.writeBack(docName, change);
  }

  /** Runs what is scheduled now instead of waiting for the debounce (shutdown). */
  async flush(): Promise<void> {
    const pending = [...this.timers.keys()];
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.all([...pending.map((d) => this.run(d)), ...this.running.values()]);
  }
}

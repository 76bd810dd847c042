import type { ReportReply } from '@kigaligo/domain';
import { reportDocKeys } from '@kigaligo/sync-protocol';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import { type DocWriter, storeDocWriter } from '../booking/store-doc-writer';
import type { Db } from '../db/client';
import { reportEvents, safetyReports, syncDocuments } from '../db/schema';
import { DocStore } from '../sync/doc-store';
import { localFanout } from '../sync/fanout';
import { ReconcileScheduler } from '../sync/reconciler';
import { reportDocReconciler } from '../sync/reconcilers/report-doc';
import type { Authorities } from './authority-alert';
import { readServerState, repliesChange, serverStateChange } from './report-doc-state';

/** The keys the report reconciler reads; updates to `server`/`replies` (the server's own) do not trigger it. */
export const reportDocWatch = [reportDocKeys.report, reportDocKeys.evidence] as const;

/**
 * The report documents seen from the API: mirrors an admin decision (status, replies) into the document's
 * server-only keys, and files waiting reports when their evidence arrives. Like TripDocs, it never throws to
 * its caller — the database is the truth, and a failed write is repaired by the next refresh or reconcile.
 * Without a sync service (API tests, start-up) it writes to the store and reconciles with its own scheduler;
 * the running server switches it to `sync.serverWrite` and the shared ReconcileScheduler.
 */
export class ReportDocs {
  private write: DocWriter;
  private reconcile: (docName: string) => Promise<void>;
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    authorities: Authorities,
  ) {
    const store = new DocStore(db);
    this.write = storeDocWriter(store);
    const own = new ReconcileScheduler(
      db,
      store,
      localFanout(),
      { report: { watch: reportDocWatch, reconcile: reportDocReconciler(authorities, logger) } },
      logger,
    );
    own.setWriteBack((docName, change) => this.write(docName, change));
    this.reconcile = (docName) => own.run(docName, { force: true });
  }

  use(write: DocWriter, reconcile: (docName: string) => Promise<void>): void {
    this.write = write;
    this.reconcile = reconcile;
  }

  /** Writes the report's current status and all replies into its document (after the change committed). */
  refresh(reportId: string): Promise<void> {
    return this.track(
      async () => {
        const [row] = await this.db
          .select({ status: safetyReports.status, createdAt: safetyReports.createdAt })
          .from(safetyReports)
          .where(eq(safetyReports.id, reportId));
        if (!row) return;
        const replies = await this.db
          .select({ id: reportEvents.id, text: reportEvents.text, at: reportEvents.createdAt })
          .from(reportEvents)
          .where(and(eq(reportEvents.reportId, reportId), eq(reportEvents.kind, 'reply')))
          .orderBy(asc(reportEvents.createdAt), asc(reportEvents.id));
        const docReplies: ReportReply[] = replies.map((r) => ({
          id: r.id,
          text: r.text ?? '',
          at: r.at.toISOString(),
          from: 'admin',
        }));
        const now = new Date().toISOString();
        await this.write(`report:${reportId}`, (doc: Y.Doc) => {
          const current = readServerState(doc);
          const receivedAt = current.receivedAt ?? row.createdAt.toISOString();
          serverStateChange(current, { status: row.status, receivedAt }, now)?.(doc);
          repliesChange(docReplies)(doc);
        });
      },
      { reportId },
    );
  }

  /**
   * Evidence from `userId` arrived: reconcile their submitted-but-unfiled report documents now. The scheduler
   * would skip them (no new document update), so the run is forced.
   */
  evidenceArrived(userId: string): Promise<void> {
    return this.track(
      async () => {
        const waiting = await this.db
          .select({ docName: syncDocuments.docName })
          .from(syncDocuments)
          .where(
            and(
              eq(syncDocuments.ownerId, userId),
              like(syncDocuments.docName, 'report:%'),
              sql`not exists (select 1 from ${safetyReports} where 'report:' || ${safetyReports.id}::text = ${syncDocuments.docName})`,
            ),
          );
        for (const { docName } of waiting) await this.reconcile(docName);
      },
      { userId },
    );
  }

  /** Resolves when everything started so far is done (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private track(work: () => Promise<void>, context: Record<string, unknown>): Promise<void> {
    const run = work().catch((err: unknown) =>
      this.logger.error({ err, ...context }, 'report document update failed'),
    );
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
    return run;
  }
}

import type { ReportReply } from '@kigaligo/domain';
import { docName, reportDoc } from '@kigaligo/sync-protocol';
import { and, asc, eq, like, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { Db } from '../db/client';
import { reportEvents, safetyReports, syncDocuments } from '../db/schema';
import type { DocWriter, ReconcileNow } from '../sync/doc-type';
import { readServerState, repliesChange, serverStateChange } from './report-doc-state';

/**
 * The report documents seen from the API: mirrors an admin decision (status, replies) into the document's
 * server-only keys, and files waiting reports when their evidence arrives. Like TripDocs, it never throws to
 * its caller — the database is the truth, and a failed write is repaired by the next refresh or reconcile.
 * The engine gives it its document writer and `reconcileNow` (server.ts; test-support/test-app.ts builds them
 * on the document store where no sync service runs).
 */
export class ReportDocs {
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    private readonly engine: { write: DocWriter; reconcileNow: ReconcileNow },
  ) {}

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
        await this.engine.write(docName(reportDoc(reportId)), (doc: Y.Doc) => {
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
        for (const { docName } of waiting) await this.engine.reconcileNow(docName);
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

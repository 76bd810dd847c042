import { safetyReportInput } from '@kigaligo/domain';
import { accessFor, docName, rejectionKey, reportDocKeys, serverOnlyKeys } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { safetyReports, syncDocuments, users } from '../db/schema';
import { zodDetails } from '../domain-error';
import { type DocRef, type DocType, invalidEntryMessage, type ReconcileFn } from '../sync/doc-type';
import type { Authorities } from './authority-alert';
import { fileReport, missingEvidence } from './file-report';
import { readReportFields, readServerState, serverStateChange } from './report-doc-state';
import { resolveLinks } from './report-links';

/** The keys the report reconciler reads; updates to `server`/`replies` (the server's own) do not trigger it. */
export const reportDocWatch = [reportDocKeys.report, reportDocKeys.evidence] as const;

/**
 * report:<id>: created by the rider who opens it first, who then writes it; admins write (status is theirs,
 * through the server-only keys); drivers never open one, even about themselves (SS2).
 */
export function reportDocType(authorities: Authorities, logger: Logger): DocType<'report'> {
  return {
    prefix: 'report',
    async authorize(ref, user, owners) {
      const name = docName(ref);
      let reporterId = await owners.owner(name);
      if (reporterId === undefined) {
        if (user.role !== 'rider') return 'unknown';
        reporterId = await owners.ensure(name, user.id);
      }
      return accessFor(ref, user, reporterId);
    },
    serverKeys: serverOnlyKeys.report,
    rejectionsKey: reportDocKeys.rejections,
    watch: reportDocWatch,
    reconcile: reportDocReconciler(authorities, logger),
  };
}

/**
 * report:<id> → safety_reports. A draft (no `submittedAt`) stays on the device's side. A submitted report is
 * filed once its fields pass `safetyReportInput`, its links check out and every evidence digest has been
 * uploaded by this reporter; until then the server writes why it waits (`missingEvidence`, `problems`) into the
 * document's server-only `server` map. Once filed, the row is the truth: later edits of the fields are not
 * applied (what admins and authorities acted on must not change under them), and the `server` map follows the
 * row's status. Idempotent: a second run finds the row and writes nothing new (SS8). A submission that cannot be
 * filed for any other reason is retried and then rejected in the document's `rejections` (SS12).
 */
function reportDocReconciler(
  authorities: Authorities,
  logger: Logger,
): ReconcileFn<Extract<DocRef, { type: 'report' }>> {
  return async (ref, doc, tx, guard) => {
    const db: Db = tx;
    const current = readServerState(doc);
    const now = new Date().toISOString();
    const [filed] = await db.select().from(safetyReports).where(eq(safetyReports.id, ref.reportId));
    if (filed) {
      guard.resolve(rejectionKey(reportDocKeys.report, 'submittedAt'));
      return serverStateChange(
        current,
        { status: filed.status, receivedAt: current.receivedAt ?? filed.createdAt.toISOString() },
        now,
      );
    }

    const fields = readReportFields(doc);
    if (!fields.submittedAt) return undefined;
    const receivedAt = current.receivedAt ?? now;
    const [owner] = await db
      .select({ id: users.id, role: users.role })
      .from(syncDocuments)
      .innerJoin(users, eq(users.id, syncDocuments.ownerId))
      .where(eq(syncDocuments.docName, docName(ref)));
    // Only riders create report documents (SS2); anything else is not a report anyone can stand behind.
    if (owner?.role !== 'rider') return undefined;

    const parsed = safetyReportInput.safeParse(fields);
    if (!parsed.success) {
      guard.reject(reportDocKeys.report, 'submittedAt', fields, invalidEntryMessage(parsed));
      return serverStateChange(
        current,
        { status: 'submitted', receivedAt, problems: zodDetails(parsed.error) },
        now,
      );
    }
    const input = parsed.data;
    // The submission is one entry (SS12): whatever fails while filing it is retried, then rejected, on its own.
    const outcome = await guard.entry(tx, reportDocKeys.report, 'submittedAt', fields, async (sp) => {
      const links = await resolveLinks(sp, owner.id, input);
      if ('problems' in links) return { problems: links.problems };
      const missing = await missingEvidence(
        sp,
        owner.id,
        input.evidence.map((e) => e.sha256),
      );
      if (missing.length > 0) return { missing };
      const severity = await fileReport(sp, authorities, {
        id: ref.reportId,
        reporterId: owner.id,
        input,
        links,
      });
      return { severity };
    });
    if (outcome.status !== 'done') return undefined;
    const result = outcome.value;
    if ('problems' in result) {
      return serverStateChange(current, { status: 'submitted', receivedAt, problems: result.problems }, now);
    }
    if ('missing' in result) {
      return serverStateChange(
        current,
        { status: 'submitted', receivedAt, missingEvidence: result.missing },
        now,
      );
    }
    if (result.severity) {
      // Ids and levels only: descriptions and places stay out of logs (Law 058/2021).
      logger.info(
        { reportId: ref.reportId, severity: result.severity.level, score: result.severity.score },
        'safety report filed',
      );
    }
    return serverStateChange(current, { status: 'submitted', receivedAt }, now);
  };
}

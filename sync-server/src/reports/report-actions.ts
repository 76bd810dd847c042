import { canTransitionReport, type ReportStatus } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db/client';
import { reportEvents, safetyReports } from '../db/schema';
import { conflict, notFound } from '../domain-error';
import { notifyUser } from '../notifications/notify-user';

type ReportRow = typeof safetyReports.$inferSelect;

async function lockReport(tx: Db, reportId: string): Promise<ReportRow> {
  const [row] = await tx.select().from(safetyReports).where(eq(safetyReports.id, reportId)).for('update');
  if (!row) throw notFound('No such report');
  return row;
}

/** Moves a report along triage → investigating → resolved/dismissed (domain canTransitionReport). */
export async function changeStatus(
  tx: Db,
  actorId: string,
  reportId: string,
  to: ReportStatus,
  note: string | undefined,
): Promise<void> {
  const row = await lockReport(tx, reportId);
  if (!canTransitionReport(row.status, to)) {
    throw conflict('invalid_transition', `A ${row.status} report cannot become ${to}`);
  }
  await tx
    .update(safetyReports)
    .set({ status: to, updatedAt: new Date() })
    .where(eq(safetyReports.id, reportId));
  await tx.insert(reportEvents).values({
    reportId,
    actorId,
    kind: 'status',
    fromStatus: row.status,
    toStatus: to,
    text: note ?? null,
  });
  await recordAudit(tx, {
    actorId,
    action: 'report.status_changed',
    targetType: 'report',
    targetId: reportId,
    details: { from: row.status, to, ...(note ? { note } : {}) },
  });
}

/** A message to the reporter: stored as an event, announced to them, mirrored into the document after commit. */
export async function addReply(tx: Db, actorId: string, reportId: string, text: string) {
  const row = await lockReport(tx, reportId);
  const [event] = await tx
    .insert(reportEvents)
    .values({ reportId, actorId, kind: 'reply', text })
    .returning();
  await tx.update(safetyReports).set({ updatedAt: new Date() }).where(eq(safetyReports.id, reportId));
  await recordAudit(tx, {
    actorId,
    action: 'report.replied',
    targetType: 'report',
    targetId: reportId,
    details: { replyId: event!.id },
  });
  await notifyUser(
    tx,
    row.reporterId,
    'report_reply',
    { reportId },
    `report:${reportId}:reply:${event!.id}`,
    {
      reportId,
    },
  );
  return { id: event!.id, text, at: event!.createdAt.toISOString(), from: 'admin' as const };
}

/** An internal note: admins only, never shown to the reporter or the driver. */
export async function addNote(tx: Db, actorId: string, reportId: string, text: string) {
  await lockReport(tx, reportId);
  const [event] = await tx.insert(reportEvents).values({ reportId, actorId, kind: 'note', text }).returning();
  await recordAudit(tx, {
    actorId,
    action: 'report.noted',
    targetType: 'report',
    targetId: reportId,
    details: { eventId: event!.id },
  });
  return event!;
}

import {
  type AdminReportSummary,
  type AdminReportView,
  adminReportSummary,
  adminReportView,
  type DriverReportView,
  driverReportView,
  type EvidenceRef,
  evidenceRef,
  type RiderReportView,
  riderReportView,
  severityReason,
} from '@kigaligo/domain';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client';
import { evidence, type safetyReports } from '../db/schema';

export type ReportRow = typeof safetyReports.$inferSelect;
export interface ReporterRow {
  id: string;
  name: string;
  email: string;
  phone: string | null;
}

/** The evidence refs of several reports in one query, keyed by digest. */
export async function evidenceRefs(db: Db, rows: readonly ReportRow[]): Promise<Map<string, EvidenceRef>> {
  const digests = [...new Set(rows.flatMap((r) => r.evidence))];
  if (digests.length === 0) return new Map();
  const found = await db.select().from(evidence).where(inArray(evidence.sha256, digests));
  return new Map(
    found.map((e) => [e.sha256, evidenceRef.parse({ sha256: e.sha256, mime: e.mime, bytes: e.bytes })]),
  );
}

const location = (r: ReportRow) => (r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null);

export function toRiderView(r: ReportRow, refs: Map<string, EvidenceRef>): RiderReportView {
  return riderReportView.parse({
    id: r.id,
    category: r.category,
    description: r.description,
    occurredAt: r.occurredAt.toISOString(),
    location: location(r),
    anonymous: r.anonymous,
    tripId: r.tripId,
    vehicleId: r.vehicleId,
    evidence: r.evidence.flatMap((d) => refs.get(d) ?? []),
    status: r.status,
    submittedAt: r.submittedAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  });
}

/** The incident's calendar day in Kigali (UTC+2). */
const kigaliDay = (d: Date) => new Date(d.getTime() + 2 * 3600_000).toISOString().slice(0, 10);

/**
 * A driver's view of a report about them. Built field by field from an allow-list, so nothing about the
 * reporter beyond a non-anonymous report's name can ever reach a driver.
 */
export function toDriverView(r: ReportRow, reporterName: string): DriverReportView {
  const hidden = r.anonymous;
  return driverReportView.parse({
    id: r.id,
    category: r.category,
    description: r.description,
    status: r.status,
    occurredOn: kigaliDay(r.occurredAt),
    occurredAt: hidden ? null : r.occurredAt.toISOString(),
    tripId: hidden ? null : r.tripId,
    vehicleId: r.vehicleId,
    anonymous: r.anonymous,
    reporter: hidden ? null : { name: reporterName },
    createdAt: r.createdAt.toISOString(),
  });
}

export function toAdminSummary(
  r: ReportRow,
  reporter: Pick<ReporterRow, 'id' | 'name'>,
  refs: Map<string, EvidenceRef>,
): AdminReportSummary {
  return adminReportSummary.parse({
    ...toRiderView(r, refs),
    reporter: { id: reporter.id, name: reporter.name },
    driverId: r.driverId,
    severity: r.severity,
    severityScore: r.severityScore,
  });
}

export function toAdminView(
  r: ReportRow,
  reporter: ReporterRow,
  refs: Map<string, EvidenceRef>,
): AdminReportView {
  return adminReportView.parse({
    ...toAdminSummary(r, reporter, refs),
    reporter: { id: reporter.id, name: reporter.name, email: reporter.email, phone: reporter.phone },
    severityReasons: z.array(severityReason).parse(r.severityReasons),
  });
}

import { assessSeverity, type SafetyReportInput, type SeverityAssessment } from '@kigaligo/domain';
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { evidenceUploads, safetyReports, vehicles } from '../db/schema';
import { type Authorities, alertAuthorities } from './authority-alert';
import { countPriorReports, type ResolvedLinks } from './report-links';

/** Digests of the report's evidence that this reporter has not uploaded yet. */
export async function missingEvidence(
  tx: Db,
  reporterId: string,
  digests: readonly string[],
): Promise<string[]> {
  if (digests.length === 0) return [];
  const have = await tx
    .select({ sha256: evidenceUploads.sha256 })
    .from(evidenceUploads)
    .where(and(eq(evidenceUploads.userId, reporterId), inArray(evidenceUploads.sha256, [...digests])));
  const got = new Set(have.map((r) => r.sha256));
  return [...new Set(digests)].filter((d) => !got.has(d));
}

/**
 * Inserts the report row (id = the document's report id) with its severity, and alerts the authorities when it
 * is critical — all in the reconciling transaction. A second call for the same id inserts nothing and alerts
 * nobody. Returns the severity when it filed now, null when the report already existed.
 */
export async function fileReport(
  tx: Db,
  authorities: Authorities,
  report: { id: string; reporterId: string; input: SafetyReportInput; links: ResolvedLinks },
): Promise<SeverityAssessment | null> {
  const { id, input, links } = report;
  const severity = assessSeverity({
    category: input.category,
    description: input.description,
    occurredAt: input.occurredAt,
    tripInProgress: links.tripInProgress,
    priorReports: await countPriorReports(tx, id, links),
  });
  const inserted = await tx
    .insert(safetyReports)
    .values({
      id,
      reporterId: report.reporterId,
      tripId: links.tripId,
      vehicleId: links.vehicleId,
      driverId: links.driverId,
      category: input.category,
      description: input.description,
      occurredAt: new Date(input.occurredAt),
      lat: input.location?.lat ?? null,
      lon: input.location?.lon ?? null,
      anonymous: input.anonymous,
      evidence: [...new Set(input.evidence.map((e) => e.sha256))],
      status: 'submitted',
      severity: severity.level,
      severityScore: severity.score,
      severityReasons: severity.reasons,
      submittedAt: new Date(input.submittedAt ?? Date.now()),
    })
    .onConflictDoNothing({ target: safetyReports.id })
    .returning({ id: safetyReports.id });
  if (inserted.length === 0) return null;
  if (severity.level === 'critical') {
    const [vehicle] = links.vehicleId
      ? await tx.select({ plate: vehicles.plate }).from(vehicles).where(eq(vehicles.id, links.vehicleId))
      : [];
    await alertAuthorities(tx, authorities, { id, input, severity, plate: vehicle?.plate ?? null });
  }
  return severity;
}

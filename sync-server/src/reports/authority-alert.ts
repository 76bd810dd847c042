import type { SafetyReportInput, SeverityAssessment } from '@kigaligo/domain';
import type { Db } from '../db/client';
import { enqueue } from '../outbox/enqueue';

/** Who hears of critical reports at once (AUTHORITY_EMAILS, AUTHORITY_PUSH_TOKENS). */
export interface Authorities {
  emails: readonly string[];
  /** FCM registration tokens of the authorities' devices. */
  pushTokens: readonly string[];
}

/**
 * The bound we promise from a critical report syncing to the provider call: the reconcile debounce (250 ms),
 * the reconciling transaction, at most one outbox poll interval (1 s) and the provider's own answer time.
 * Measured in sync-server/src/reports/authority-alert.test.ts; documented in docs/architecture.md.
 */
export const AUTHORITY_ALERT_BOUND_MS = 5_000;

const kigaliTime = (iso: string) =>
  `${new Date(new Date(iso).getTime() + 2 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} (Kigali)`;

/**
 * Enqueues the alerts for a critical report in the transaction that files it, so it is sent exactly when the
 * report exists, once (idempotency keys per report and recipient). The reporter's identity is never in it:
 * the authorities contact the KigaliGo safety team, who can share it lawfully. Returns how many were queued.
 */
export async function alertAuthorities(
  tx: Db,
  authorities: Authorities,
  report: { id: string; input: SafetyReportInput; severity: SeverityAssessment; plate: string | null },
): Promise<number> {
  const { id, input, severity } = report;
  const where = input.location
    ? `${input.location.lat.toFixed(5)}, ${input.location.lon.toFixed(5)}`
    : 'not given';
  const title = `KigaliGo critical safety report: ${input.category.replaceAll('_', ' ')}`;
  const text = [
    'A rider filed a safety report that KigaliGo rates critical.',
    '',
    `Report: ${id}`,
    `Category: ${input.category.replaceAll('_', ' ')}`,
    `When: ${kigaliTime(input.occurredAt)}`,
    `Where: ${where}`,
    `Vehicle: ${report.plate ?? 'not identified'}`,
    `Severity: ${severity.score}/100 (${severity.reasons.map((r) => r.reason).join('; ')})`,
    '',
    'What the rider wrote:',
    input.description,
    '',
    'Contact the KigaliGo safety team for the reporter and the evidence.',
  ].join('\n');
  let queued = 0;
  for (const to of authorities.emails) {
    if (await enqueue(tx, 'email', { to, subject: title, text }, `report:${id}:authority-email:${to}`))
      queued++;
  }
  if (authorities.pushTokens.length > 0) {
    const body = `${kigaliTime(input.occurredAt)}, vehicle ${report.plate ?? 'unknown'}. Open the safety console.`;
    const push = {
      tokens: authorities.pushTokens.slice(0, 500),
      title,
      body,
      data: { kind: 'critical_report', reportId: id },
    };
    if (await enqueue(tx, 'push', push, `report:${id}:authority-push`)) queued++;
  }
  return queued;
}

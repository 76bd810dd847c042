import type { AuditAction } from '@kigaligo/domain';
import type { Db } from '../db/client';
import { auditLog } from '../db/schema';

export interface AuditEntry {
  actorId: string;
  /** What was done, dotted: `refund.issued`, `report.status_changed`, `driver.suspended`. */
  action: AuditAction;
  targetType: 'trip' | 'payment' | 'refund' | 'report' | 'user' | 'outbox';
  targetId: string;
  details?: Record<string, unknown>;
}

/** Appends to the audit log; pass the transaction of the action so the entry exists exactly when it happened. */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}

import type { ReconcileRejection, ReportServerState } from '@kigaligo/domain';

/**
 * What the rider is told about a report: the app's own states before the server has it (draft, waiting to
 * send), "needs changes" when the server could not file it as it stands, then the server's status.
 */
export type RiderReportState =
  | 'draft'
  | 'waiting'
  | 'needs-changes'
  /** The server could not take the submission (SS12): the rider edits and sends it again, or discards it. */
  | 'not-sent'
  | 'submitted'
  | 'review'
  | 'resolved'
  | 'dismissed';

export interface ReportStateInput {
  submittedAt?: string | null | undefined;
  server: Partial<ReportServerState>;
  /** Changes to the report document this device has not had confirmed by the server. */
  pendingChanges: number;
  /** The report's evidence files still queued on this device. */
  uploadsWaiting: number;
  /** Its files the server would not take (type, size): the rider has to remove them and send again. */
  uploadsRefused?: number;
  /** The server's rejection of the submission (`rejections['report/submittedAt']`), if any. */
  rejection?: Pick<ReconcileRejection, 'rejectedAt'> | undefined;
}

export function riderReportState({
  submittedAt,
  server,
  pendingChanges,
  uploadsWaiting,
  uploadsRefused = 0,
  rejection,
}: ReportStateInput): RiderReportState {
  if (!submittedAt) return 'draft';
  // Rejected as sent; once sent again (a later submittedAt, or changes on their way) it waits for the answer.
  if (rejection && pendingChanges === 0 && submittedAt <= rejection.rejectedAt) return 'not-sent';
  // Not filed yet, and it never will be with a file the server refused.
  const unfiled =
    server.status === undefined || (server.status === 'submitted' && !!server.missingEvidence?.length);
  if (uploadsRefused > 0 && unfiled) return 'needs-changes';
  switch (server.status) {
    case 'triage':
    case 'investigating':
      return 'review';
    case 'resolved':
      return 'resolved';
    case 'dismissed':
      return 'dismissed';
    case 'submitted':
      // A resubmission the server has not answered yet: its old problems no longer apply.
      if (pendingChanges > 0 || (server.updatedAt && server.updatedAt < submittedAt)) return 'waiting';
      if (server.problems?.length) return 'needs-changes';
      if (uploadsWaiting > 0 || server.missingEvidence?.length) return 'waiting';
      return 'submitted';
    default:
      return 'waiting';
  }
}

/** The rider may still edit the report: before sending, or when the server asked for changes. */
export const isEditable = (state: RiderReportState) =>
  state === 'draft' || state === 'needs-changes' || state === 'not-sent';

/** Nothing will change any more: the app stops keeping the document connected. */
export const isFinal = (state: RiderReportState) => state === 'resolved' || state === 'dismissed';

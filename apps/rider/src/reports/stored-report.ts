import {
  type EvidenceService,
  rejectionKey,
  reportDocKeys,
  useEvidenceStatus,
  useStoredReportDoc,
  yToJson,
} from '@kigaligo/client';
import {
  type EvidenceRef,
  type ReportReply,
  type ReportServerState,
  reconcileRejection,
} from '@kigaligo/domain';
import { useMemo } from 'react';
import { type RiderReportState, riderReportState } from './report-state';
import type { ReportFields } from './use-report-doc';

export interface StoredReport {
  fields: Partial<ReportFields>;
  evidence: EvidenceRef[];
  replies: ReportReply[];
  state: RiderReportState;
}

/**
 * A report as this phone last stored it, without opening a connection (see useStoredDocument): enough for
 * the list, and to decide whether the document still needs to be kept syncing.
 */
export function useStoredReport(id: string, service: EvidenceService | null): StoredReport | null {
  const stored = useStoredReportDoc(id);
  const read = useMemo(() => {
    if (!stored) return null;
    const { doc } = stored;
    return {
      fields: doc.getMap(reportDocKeys.report).toJSON() as Partial<ReportFields>,
      evidence: doc.getArray(reportDocKeys.evidence).toArray().map(yToJson) as EvidenceRef[],
      server: doc.getMap(reportDocKeys.server).toJSON() as Partial<ReportServerState>,
      replies: doc.getArray(reportDocKeys.replies).toArray().map(yToJson) as ReportReply[],
      rejection: reconcileRejection.safeParse(
        doc.getMap(reportDocKeys.rejections).toJSON()[rejectionKey(reportDocKeys.report, 'submittedAt')],
      ),
    };
  }, [stored]);
  const statuses = useEvidenceStatus(service, read?.evidence.map((e) => e.sha256) ?? []);
  if (!stored || !read) return null;
  const uploadsWaiting = Object.values(statuses).filter((s) => s.state === 'queued').length;
  const state = riderReportState({
    submittedAt: read.fields.submittedAt,
    server: read.server,
    pendingChanges: stored.pending,
    uploadsWaiting,
    uploadsRefused: Object.values(statuses).filter((s) => s.state === 'refused').length,
    rejection: read.rejection.success ? read.rejection.data : undefined,
  });
  return { fields: read.fields, evidence: read.evidence, replies: read.replies, state };
}

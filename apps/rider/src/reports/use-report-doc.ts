import {
  rejectionKey,
  reportDocKeys,
  type SyncedDoc,
  useDocumentRejection,
  useDocumentStatus,
  useReportDoc as useReportDocument,
  useYArray,
  useYMap,
} from '@kigaligo/client';
import {
  type EvidenceRef,
  type ReportCategory,
  type ReportReply,
  type ReportServerState,
  reconcileRejection,
} from '@kigaligo/domain';
import { useCallback } from 'react';

/** The rider's fields in `report:<id>` → `report` (domain safetyReportInput without the evidence list). */
export interface ReportFields extends Record<string, unknown> {
  category: ReportCategory;
  description: string;
  occurredAt: string;
  location: { lat: number; lon: number };
  tripId: string;
  vehicleId: string;
  anonymous: boolean;
  submittedAt: string;
  /**
   * A plate the rider typed that is not a vehicle we know, kept with the draft; folded into the description
   * and removed when the report is sent (the server reads only the domain fields).
   */
  vehiclePlate: string;
}

/**
 * Clears are deletes, not `null`s: the server validates the map with the domain schema, where an optional
 * field may be absent but not null. (A delete-only change counts as saved once what came before is.)
 */
export function writeReport(
  doc: SyncedDoc | null,
  patch: Partial<{ [K in keyof ReportFields]: ReportFields[K] | undefined }>,
) {
  const map = doc?.doc.getMap<unknown>(reportDocKeys.report);
  if (!map) return;
  map.doc?.transact(() => {
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null) {
        if (map.has(k)) map.delete(k);
      } else if (JSON.stringify(map.get(k)) !== JSON.stringify(v)) {
        map.set(k, v);
      }
    }
  });
}

/** One report document: the rider's fields and evidence, and what only the server writes (status, replies). */
export function useReportDoc(id: string) {
  const doc = useReportDocument(id);
  const fields = useYMap<ReportFields>(doc, reportDocKeys.report).value;
  const evidence = useYArray<EvidenceRef>(doc, reportDocKeys.evidence);
  // Server-only keys (SS10): read, never written.
  const server = useYMap<ReportServerState>(doc, reportDocKeys.server).value;
  const replies = useYArray<ReportReply>(doc, reportDocKeys.replies).items;
  const rejected = reconcileRejection.safeParse(
    useYMap<Record<string, unknown>>(doc, reportDocKeys.rejections).value[
      rejectionKey(reportDocKeys.report, 'submittedAt')
    ],
  );
  const rejection = rejected.success ? rejected.data : undefined;
  const status = useDocumentStatus(doc);
  const write = useCallback((patch: Parameters<typeof writeReport>[1]) => writeReport(doc, patch), [doc]);
  /** The report document as a whole (SS12 `*`), beside its submission's own rejection. */
  const documentRejection = useDocumentRejection(doc, reportDocKeys.rejections);
  return {
    doc,
    fields,
    evidence,
    server,
    replies,
    rejection,
    documentRejection,
    status,
    write,
    ready: doc !== null,
  };
}

import {
  type EvidenceService,
  readStoredReportDoc,
  reportDocKeys,
  type SyncEngine,
  useEvidenceUploads,
  useSyncEngine,
  yToJson,
} from '@kigaligo/client';
import type { EvidenceRef, ReportServerState } from '@kigaligo/domain';
import { useEffect } from 'react';

export interface ReportOnPhone {
  evidence: readonly EvidenceRef[];
  submittedAt: string | undefined;
  server: Partial<ReportServerState>;
  /** Changes this phone has not had confirmed yet. */
  pending: number;
}

/**
 * Filed: the server holds the report as this phone last sent it, and every file it names. Until then the phone
 * keeps the report's files: a draft's to send, an unfiled report's because the server may still ask for them.
 */
export function isFiled(r: ReportOnPhone): boolean {
  return (
    r.submittedAt !== undefined &&
    r.pending === 0 &&
    r.server.status !== undefined &&
    !r.server.missingEvidence?.length &&
    !r.server.problems?.length &&
    (r.server.updatedAt === undefined || r.server.updatedAt >= r.submittedAt)
  );
}

/** The files the phone must keep: those of every report not filed yet. */
export function evidenceToKeep(reports: readonly ReportOnPhone[]): Set<string> {
  return new Set(reports.filter((r) => !isFiled(r)).flatMap((r) => r.evidence.map((e) => e.sha256)));
}

async function reportOnPhone(engine: SyncEngine, id: string): Promise<ReportOnPhone> {
  const { doc, pending } = await readStoredReportDoc(engine, id);
  return {
    evidence: doc.getArray(reportDocKeys.evidence).toArray().map(yToJson) as EvidenceRef[],
    submittedAt: doc.getMap(reportDocKeys.report).get('submittedAt') as string | undefined,
    server: doc.getMap(reportDocKeys.server).toJSON() as Partial<ReportServerState>,
    pending,
  };
}

/** After this quiet time: a burst of changes (a report being filed) is one clean-up, not many. */
const SETTLE_MS = 3000;

/**
 * Deletes photos and videos this phone no longer needs (evidence-store `prune`): removed attachments, deleted
 * drafts, and the files of filed reports once the server holds them. Runs when the report list or the upload
 * queue changes; reading stored documents opens no connection.
 */
export function useEvidenceJanitor(reportIds: readonly string[], service: EvidenceService | null): void {
  const engine = useSyncEngine();
  const waiting = useEvidenceUploads(service).waiting;
  const key = reportIds.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `waiting` is a trigger, uploads settling free files
  useEffect(() => {
    if (!engine || !service) return;
    const timer = setTimeout(() => {
      void Promise.all((key ? key.split(',') : []).map((id) => reportOnPhone(engine, id)))
        .then((reports) => service.store.prune(evidenceToKeep(reports)))
        // Best effort: space is freed at the next change instead.
        .catch(() => {});
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [engine, service, key, waiting]);
}

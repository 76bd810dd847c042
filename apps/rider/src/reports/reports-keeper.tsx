import { useEvidence, useReportDoc } from '@kigaligo/client';
import { useEvidenceJanitor } from './evidence-janitor';
import { isFinal } from './report-state';
import { useStoredReport } from './stored-report';
import { useRiderReports } from './use-rider-reports';

/** Documents kept open at most: the server allows a user 24 connections, and the rider has other documents. */
const KEEP_OPEN = 8;

/**
 * Mounted once while the rider is signed in, whatever the screen: keeps the newest unfinished reports'
 * documents connected, so a report sent offline goes out when the network returns (and its status and
 * replies come in) even if the rider has moved on to another screen. Also keeps the evidence uploader running,
 * and frees the space of files no report needs any more.
 */
export function ReportsKeeper() {
  const { reports } = useRiderReports();
  const service = useEvidence();
  useEvidenceJanitor(
    reports.map((r) => r.id),
    service,
  );
  return (
    <>
      {reports.slice(0, KEEP_OPEN).map((r) => (
        <KeepOpen key={r.id} id={r.id} service={service} />
      ))}
    </>
  );
}

function KeepOpen({ id, service }: { id: string; service: ReturnType<typeof useEvidence> }) {
  const stored = useStoredReport(id, service);
  // Sent, unfinished reports stay connected; so does one this phone has never stored (listed from another
  // phone), until it has arrived. Drafts stay closed: they are on this phone, and their page syncs them.
  const never = stored !== null && Object.keys(stored.fields).length === 0 && stored.evidence.length === 0;
  const keep =
    stored !== null && (never || (stored.fields.submittedAt !== undefined && !isFinal(stored.state)));
  useReportDoc(keep ? id : null);
  return null;
}

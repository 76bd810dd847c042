import { useEvidence, useEvidenceStatus, useEvidenceUploads } from '@kigaligo/client';
import { AppHeader, DocumentNotSent, NotSent, SyncStatus } from '@kigaligo/ui';
import { useEffect, useRef } from 'react';
import { ReportForm } from './report-form';
import { useReportI18n } from './report-messages';
import { safetyHref } from './report-route';
import { isEditable, riderReportState } from './report-state';
import { ReportView } from './report-view';
import { StateBadge } from './state-badge';
import { useReportDoc } from './use-report-doc';
import { useRiderReports } from './use-rider-reports';

/** One report: the editable draft, or what was sent with its state and the replies. */
export function ReportPage({ id }: { id: string }) {
  const { t } = useReportI18n();
  const report = useReportDoc(id);
  const service = useEvidence();
  const uploads = useEvidenceUploads(service);
  const list = useRiderReports();
  const statuses = useEvidenceStatus(
    service,
    report.evidence.items.map((e) => e.sha256),
  );
  const waiting = Object.values(statuses).filter((s) => s.state === 'queued').length;
  const state = riderReportState({
    submittedAt: report.fields.submittedAt,
    server: report.server,
    pendingChanges: report.status.pending,
    uploadsWaiting: waiting,
    uploadsRefused: Object.values(statuses).filter((s) => s.state === 'refused').length,
    rejection: report.rejection,
  });
  const entry = list.reports.find((r) => r.id === id);

  // A report opened by its link on a phone that has not listed it yet (e.g. the draft was started here
  // before the list synced): list it, so it is found again.
  const { add } = list;
  const discarded = useRef(false);
  useEffect(() => {
    if (list.ready && !entry && !discarded.current) add(id);
  }, [list.ready, entry, add, id]);

  const discard = () => {
    discarded.current = true;
    list.remove(id);
    window.location.hash = safetyHref;
  };
  const title = report.fields.category ? t(`category.${report.fields.category}`) : t('form.title');
  return (
    <>
      <AppHeader />
      <main className="kg-page kg-report-page" data-report-id={id}>
        <div className="kg-plan-head">
          <a href={safetyHref} className="kg-back">
            ← {t('safety.back')}
          </a>
          <h1 className="kg-hero-title">{title}</h1>
        </div>
        {report.ready ? (
          <>
            <StateBadge state={state} hint />
            {waiting > 0 ? (
              <p className="kg-notice" role="status">
                {t('safety.filesWaiting', { count: waiting })}
                {uploads.problem ? ` ${t(`safety.uploadProblem.${uploads.problem}`)}` : ''}
              </p>
            ) : null}
            <DocumentNotSent rejection={report.documentRejection} />
            {state === 'not-sent' && report.rejection ? (
              <NotSent
                rejection={report.rejection}
                onEdit={() => document.querySelector<HTMLElement>('.kg-report-page form textarea')?.focus()}
                onDiscard={discard}
              />
            ) : null}
            {isEditable(state) ? (
              <ReportForm
                report={report}
                service={service}
                resubmit={state === 'needs-changes' || state === 'not-sent'}
                onDiscard={discard}
              />
            ) : (
              <ReportView report={report} service={service} />
            )}
            <SyncStatus />
          </>
        ) : (
          <p className="kg-muted">{t('safety.loading')}</p>
        )}
      </main>
    </>
  );
}

import { type EvidenceService, useEvidence } from '@kigaligo/client';
import { AppHeader, Card, EmptyState, SyncStatus } from '@kigaligo/ui';
import { kigaliDateTime } from './format';
import { useReportI18n } from './report-messages';
import { newReportHref, reportHref } from './report-route';
import { ShieldIcon } from './shield-icon';
import { StateBadge } from './state-badge';
import { useStoredReport } from './stored-report';
import { useRiderReports } from './use-rider-reports';

/** The safety screen: how to reach help, a new report, and the rider's reports with their state. */
export function ReportsPage() {
  const { t } = useReportI18n();
  const { reports, ready } = useRiderReports();
  const service = useEvidence();
  return (
    <>
      <AppHeader />
      <main className="kg-page">
        <div className="kg-plan-head">
          <a href="#/" className="kg-back">
            ← {t('safety.back')}
          </a>
          <h1 className="kg-hero-title">{t('safety.title')}</h1>
        </div>
        <p className="kg-hero-text">{t('safety.intro')}</p>
        <a className="kg-button kg-button--primary kg-button--block" href={newReportHref}>
          {t('safety.new')}
        </a>
        <Card title={t('safety.mine')}>
          {reports.length ? (
            <ul className="kg-report-list">
              {reports.map((r) => (
                <ReportRow key={r.id} id={r.id} createdAt={r.createdAt} service={service} />
              ))}
            </ul>
          ) : ready ? (
            <EmptyState icon={<ShieldIcon />} title={t('safety.none')}>
              {t('safety.noneHint')}
            </EmptyState>
          ) : null}
          <SyncStatus />
        </Card>
      </main>
    </>
  );
}

function ReportRow({
  id,
  createdAt,
  service,
}: {
  id: string;
  createdAt: string;
  service: EvidenceService | null;
}) {
  const { t, lang } = useReportI18n();
  const report = useStoredReport(id, service);
  const category = report?.fields.category;
  const when = report?.fields.occurredAt ?? createdAt;
  return (
    <li>
      <a className="kg-report-row-link" href={reportHref(id)} data-testid="report-row" data-report-id={id}>
        <span className="kg-report-row-main">
          <span className="kg-report-row-title">
            {category ? t(`category.${category}`) : t('safety.untitled')}
          </span>
          <span className="kg-muted kg-small">
            {kigaliDateTime(when, lang)}
            {report?.replies.length ? ` · ${t('view.replies')}: ${report.replies.length}` : ''}
          </span>
        </span>
        {report ? <StateBadge state={report.state} /> : null}
      </a>
    </li>
  );
}

import { docName, reportDoc } from '@kigaligo/client';
import type { AdminReportSummary } from '@kigaligo/domain';
import { kigaliTime } from './format';
import { useReportAdminI18n } from './report-messages';
import { SeverityBadge } from './severity-badge';

export const reportLink = (id: string) => `#/reports/${id}`;

/** Reports in queue order; `waiting` marks those with a decision made here and not yet synced. */
export function ReportsTable({
  reports,
  waiting,
  empty,
}: {
  reports: AdminReportSummary[];
  waiting?: ReadonlyMap<string, string>;
  empty?: string;
}) {
  const { t, lang } = useReportAdminI18n();
  if (reports.length === 0) return <p className="kg-table-empty">{empty ?? t('reports.none')}</p>;
  return (
    <div className="kg-table-wrap">
      <table className="kg-table">
        <thead>
          <tr>
            <th scope="col">{t('reports.col.severity')}</th>
            <th scope="col">{t('reports.col.category')}</th>
            <th scope="col">{t('reports.col.status')}</th>
            <th scope="col">{t('reports.col.when')}</th>
            <th scope="col">{t('reports.col.reporter')}</th>
            <th scope="col">{t('reports.col.evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id} data-testid="report-row" data-report-id={r.id} data-status={r.status}>
              <td>
                <SeverityBadge level={r.severity} score={r.severityScore} />
              </td>
              <th scope="row">
                <a href={reportLink(r.id)}>{t(`reportCategory.${r.category}`)}</a>
                <span className="kg-report-snippet">{r.description}</span>
              </th>
              <td>
                <span className={`kg-badge kg-report-status kg-report-status--${r.status}`}>
                  {t(`reportStatus.${r.status}`)}
                </span>
                {waiting?.has(docName(reportDoc(r.id))) ? (
                  <span className="kg-badge kg-report-waiting">{t('reports.waitingSync')}</span>
                ) : null}
              </td>
              <td className="kg-nowrap">{kigaliTime(r.occurredAt, lang)}</td>
              <td>
                {r.reporter.name}
                {r.anonymous ? <span className="kg-muted kg-small"> ({t('reports.anonymous')})</span> : null}
              </td>
              <td>{r.evidence.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { apiGet, docName, reportDoc, useApiQuery, useRequestQueue } from '@kigaligo/client';
import { adminReportDetail, type ReportStatus } from '@kigaligo/domain';
import { Alert, Card, errorMessage, PointsMap } from '@kigaligo/ui';
import { useCallback, useState } from 'react';
import { DriverActions } from './driver-actions';
import { EvidenceViewer } from './evidence-viewer';
import { kigaliTime, pendingStatuses } from './format';
import { PendingDecisions } from './pending-decisions';
import { ReportActions } from './report-actions';
import { ReportHistory, ReportTimeline, TripSummary } from './report-history';
import { useReportAdminI18n } from './report-messages';
import { SeverityBadge } from './severity-badge';
import { severityReasonText } from './severity-reason';
import { TripRefund } from './trip-refund';

/**
 * One report for review: severity and why, what the reporter wrote and sent, the linked trip, driver and
 * vehicle with their history, and the decisions. The detail is cached for offline; decisions are queued.
 */
export function ReportDetail({ id }: { id: string }) {
  const { t, lang } = useReportAdminI18n();
  const query = useApiQuery(
    `admin-report-${id}`,
    apiGet('/api/reports/{id}', { path: { id } }),
    adminReportDetail,
  );
  const [version, setVersion] = useState(0);
  const { reload } = query;
  const onSent = useCallback(() => {
    setVersion((v) => v + 1);
    void reload();
  }, [reload]);
  const queue = useRequestQueue(docName(reportDoc(id)), onSent);

  const detail = query.data;
  const back = (
    <a href="#/reports" className="kg-report-back">
      ← {t('report.back')}
    </a>
  );
  if (!detail) {
    return (
      <>
        {back}
        {query.error ? (
          <Alert>{errorMessage(query.error, t).message}</Alert>
        ) : (
          <p className="kg-muted">{t('report.loading')}</p>
        )}
      </>
    );
  }
  const { report, driver, vehicle, trip } = detail;
  const status =
    (pendingStatuses(queue.requests).get(docName(reportDoc(id))) as ReportStatus | undefined) ??
    report.status;
  const savedAt = query.updatedAt ? kigaliTime(new Date(query.updatedAt).toISOString(), lang) : '';

  return (
    <div className="kg-report-detail" data-testid="report-detail" data-status={status}>
      {back}
      <div className="kg-admin-heading">
        <div>
          <h1>{t(`reportCategory.${report.category}`)}</h1>
          <p className="kg-muted">
            {kigaliTime(report.occurredAt, lang)} · {report.reporter.name}
            {report.anonymous ? ` (${t('report.anonymous')})` : ''}
          </p>
        </div>
        <div className="kg-report-heading-badges">
          <SeverityBadge level={report.severity} score={report.severityScore} />
          <span
            className={`kg-badge kg-report-status kg-report-status--${status}`}
            data-testid="report-status"
          >
            {t(`reportStatus.${status}`)}
          </span>
        </div>
      </div>
      {query.stale ? <Alert tone="info">{t('report.stale', { time: savedAt })}</Alert> : null}
      <PendingDecisions queue={queue} />

      <div className="kg-report-columns">
        <div className="kg-report-main">
          <Card title={t('report.severityReasons')}>
            <ul className="kg-severity-reasons" data-testid="severity-reasons">
              {report.severityReasons.map((r) => (
                <li key={r.rule}>
                  <span className="kg-severity-points">{t('report.points', { points: r.points })}</span>{' '}
                  {severityReasonText(r, t)}
                </li>
              ))}
            </ul>
          </Card>
          <Card title={t('report.description')}>
            <p className="kg-report-text">{report.description}</p>
            <dl className="kg-details kg-details--row kg-report-facts">
              <div>
                <dt>{t('report.reporter')}</dt>
                <dd>
                  {report.reporter.name}
                  <br />
                  <span className="kg-small">{report.reporter.email}</span>
                  {report.reporter.phone ? (
                    <span className="kg-small"> · {report.reporter.phone}</span>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{t('report.when')}</dt>
                <dd>{kigaliTime(report.occurredAt, lang)}</dd>
              </div>
              <div>
                <dt>{t('report.submitted')}</dt>
                <dd>{kigaliTime(report.submittedAt, lang)}</dd>
              </div>
            </dl>
          </Card>
          <Card title={t('report.evidence')}>
            <EvidenceViewer items={report.evidence} />
          </Card>
          <Card title={t('report.where')}>
            {report.location ? (
              <>
                <p className="kg-muted kg-small">
                  {report.location.lat.toFixed(5)}, {report.location.lon.toFixed(5)}
                </p>
                <PointsMap
                  base={import.meta.env.BASE_URL}
                  className="kg-report-place"
                  label={t('report.where')}
                  unavailable={t('reports.mapUnavailable')}
                  points={[
                    { id: report.id, ...report.location, tone: report.severity, label: t('report.where') },
                  ]}
                />
              </>
            ) : (
              <p className="kg-muted">{t('report.noPlace')}</p>
            )}
          </Card>
          <Card title={t('report.events')}>
            <ReportTimeline events={detail.events} />
          </Card>
          <Card title={t('report.history')}>
            <ReportHistory detail={detail} />
          </Card>
        </div>

        <div className="kg-report-side">
          <Card title={t('actions.title')}>
            <ReportActions reportId={report.id} status={status} queue={queue} />
          </Card>
          <Card title={t('report.driver')}>
            {driver ? (
              <>
                <p>
                  <strong>{driver.name}</strong>{' '}
                  <span
                    className={`kg-badge${driver.suspended ? ' kg-badge--danger' : ''}`}
                    data-testid="driver-state"
                  >
                    {driver.suspended ? t('report.suspended') : t('report.active')}
                  </span>
                </p>
                <p className="kg-small kg-muted">
                  {driver.email}
                  {driver.phone ? ` · ${driver.phone}` : ''}
                </p>
                <DriverActions reportId={report.id} driver={driver} queue={queue} />
              </>
            ) : (
              <p className="kg-muted">{t('report.noDriver')}</p>
            )}
          </Card>
          <Card title={t('report.vehicle')}>
            {vehicle ? (
              <p>
                <strong>{vehicle.plate}</strong> · {vehicle.operator}
              </p>
            ) : (
              <p className="kg-muted">{t('report.noVehicle')}</p>
            )}
          </Card>
          <Card title={t('report.trip')}>
            {trip ? (
              <>
                <TripSummary trip={trip} />
                <h3 className="kg-report-h3">{t('actions.refund')}</h3>
                <TripRefund reportId={report.id} tripId={trip.id} queue={queue} version={version} />
              </>
            ) : (
              <p className="kg-muted">{t('report.noTrip')}</p>
            )}
          </Card>
        </div>
      </div>
    </div>
  );
}

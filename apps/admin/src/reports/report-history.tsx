import type { AdminReportDetail, ReportEvent, TripView } from '@kigaligo/domain';
import { formatRwf, useLiveText } from '@kigaligo/ui';
import { type AdminKey, useAdminI18n } from '../messages';
import { kigaliTime } from './format';
import { type ReportAdminKey, useReportAdminI18n } from './report-messages';
import { ReportsTable } from './reports-table';

/** What the report has been through: status changes, replies and notes, oldest first. */
export function ReportTimeline({ events }: { events: ReportEvent[] }) {
  const { t, lang } = useReportAdminI18n();
  if (events.length === 0) return <p className="kg-muted">{t('report.noEvents')}</p>;
  const status = (s: string | null) => (s ? t(`reportStatus.${s}` as ReportAdminKey) : '—');
  return (
    <ol className="kg-timeline">
      {events.map((e) => (
        <li key={e.id} data-kind={e.kind}>
          <p className="kg-small kg-muted">{kigaliTime(e.createdAt, lang, true)}</p>
          <p>
            {e.kind === 'status'
              ? t('event.status', { actor: e.actor.name, from: status(e.fromStatus), to: status(e.toStatus) })
              : t(`event.${e.kind}`, { actor: e.actor.name })}
          </p>
          {e.text ? <p className="kg-report-text">{e.text}</p> : null}
        </li>
      ))}
    </ol>
  );
}

/** Trip statuses are the trips pages' words (trip-messages.ts), so both pages say the same. */
function useTripStatusText() {
  const { t } = useAdminI18n();
  return (status: TripView['status']) => t(`tripStatus.${status}` as AdminKey);
}

export function TripSummary({ trip }: { trip: TripView }) {
  const { t, lang } = useReportAdminI18n();
  const live = useLiveText();
  const tripStatus = useTripStatusText();
  return (
    <div className="kg-report-trip" data-testid="report-trip">
      <p>
        <a href={`#/trips/${trip.id}`}>
          {t('report.tripLine', {
            kind: live.t(`live.kind.${trip.kind}`),
            from: trip.origin.label ?? `${trip.origin.lat.toFixed(4)}, ${trip.origin.lon.toFixed(4)}`,
            to:
              trip.destination.label ??
              `${trip.destination.lat.toFixed(4)}, ${trip.destination.lon.toFixed(4)}`,
          })}
        </a>
      </p>
      <p className="kg-muted kg-small">
        {kigaliTime(trip.departAt, lang)} · {t('report.tripStatus', { status: tripStatus(trip.status) })} ·{' '}
        {t('report.fare', { fare: formatRwf(trip.fare) })}
      </p>
    </div>
  );
}

/** Other reports on the same driver and vehicle, and the driver's latest trips. */
export function ReportHistory({ detail }: { detail: AdminReportDetail }) {
  const { t, lang } = useReportAdminI18n();
  const tripStatus = useTripStatusText();
  const { driverReports, vehicleReports, recentTrips } = detail.history;
  const others = vehicleReports.filter((r) => !driverReports.some((d) => d.id === r.id));
  if (!detail.driver && !detail.vehicle && recentTrips.length === 0) {
    return <p className="kg-muted">{t('report.noneYet')}</p>;
  }
  return (
    <>
      {detail.driver ? (
        <>
          <h3 className="kg-report-h3">{t('report.driverReports')}</h3>
          <ReportsTable reports={driverReports} empty={t('report.noneYet')} />
        </>
      ) : null}
      {detail.vehicle ? (
        <>
          <h3 className="kg-report-h3">{t('report.vehicleReports')}</h3>
          <ReportsTable reports={others} empty={t('report.noneYet')} />
        </>
      ) : null}
      {recentTrips.length ? (
        <>
          <h3 className="kg-report-h3">{t('report.recentTrips')}</h3>
          <ul className="kg-report-trips">
            {recentTrips.map((trip) => (
              <li key={trip.id}>
                <a href={`#/trips/${trip.id}`}>{kigaliTime(trip.departAt, lang)}</a> · {trip.riderName} ·{' '}
                {tripStatus(trip.status)} · {formatRwf(trip.fare)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

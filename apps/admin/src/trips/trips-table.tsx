import type { TripView } from '@kigaligo/domain';
import { formatRwf } from '@kigaligo/ui';
import { useAdminI18n } from '../messages';
import { adminTime, shortId } from './admin-format';

const place = (p: TripView['origin']) => p.label ?? `${p.lat.toFixed(4)}, ${p.lon.toFixed(4)}`;

export function TripsTable({ trips }: { trips: TripView[] }) {
  const { t, lang } = useAdminI18n();
  if (trips.length === 0) return <p className="kg-table-empty">{t('trips.none')}</p>;
  return (
    <div className="kg-table-wrap">
      <table className="kg-table">
        <thead>
          <tr>
            <th scope="col">{t('trips.col.requested')}</th>
            <th scope="col">{t('trips.col.rider')}</th>
            <th scope="col">{t('trips.col.driver')}</th>
            <th scope="col">{t('trips.col.vehicle')}</th>
            <th scope="col">{t('trips.col.route')}</th>
            <th scope="col">{t('trips.col.status')}</th>
            <th scope="col">{t('trips.col.fare')}</th>
            <th scope="col">{t('trips.col.payment')}</th>
          </tr>
        </thead>
        <tbody>
          {trips.map((trip) => (
            <tr key={trip.id} data-testid="trip-row" data-trip={trip.id} data-status={trip.status}>
              <th scope="row" className="kg-nowrap">
                <a href={`#/trips/${trip.id}`} aria-label={t('trips.open', { id: shortId(trip.id) })}>
                  {adminTime(trip.requestedAt, lang)}
                </a>
              </th>
              <td>{trip.riderName}</td>
              <td>{trip.driver?.name ?? <span className="kg-muted">—</span>}</td>
              <td className="kg-nowrap">{trip.vehicle?.plate ?? <span className="kg-muted">—</span>}</td>
              <td>
                {place(trip.origin)} → {place(trip.destination)}
              </td>
              <td>
                <span className={`kg-badge kg-trip-status kg-trip-status--${trip.status}`}>
                  {t(`tripStatus.${trip.status}`)}
                </span>
              </td>
              <td className="kg-nowrap">{formatRwf(trip.fare)}</td>
              <td>
                {trip.payment
                  ? `${t(`pay.method.${trip.payment.method}`)} · ${t(`pay.status.${trip.payment.status}`)}`
                  : t(`pay.method.${trip.paymentMethod}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

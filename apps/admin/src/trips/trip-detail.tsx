import { apiGet, useApiQuery } from '@kigaligo/client';
import { type TripEvent, type TripView, tripDetail } from '@kigaligo/domain';
import { Alert, Button, Card, errorMessage, formatRwf, useLiveText } from '@kigaligo/ui';
import { useEffect } from 'react';
import { useAdminI18n } from '../messages';
import { hrefFor } from '../use-hash-route';
import { adminTime, shortId } from './admin-format';
import { ProviderCalls } from './provider-calls';
import { TripPayments } from './trip-payments';

const settleCheckMs = 1500;

const place = (p: TripView['origin']) => p.label ?? `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)}`;

function actor(trip: TripView, e: TripEvent): 'rider' | 'driver' | 'other' | 'system' {
  if (!e.actorId) return 'system';
  if (e.actorId === trip.riderId) return 'rider';
  return e.actorId === trip.driverId ? 'driver' : 'other';
}

/** One trip for admins: what was booked, every status change, the payments and refunds, and Refund. */
export function TripDetail({ id }: { id: string }) {
  const { t, lang } = useAdminI18n();
  const kinds = useLiveText();
  const query = useApiQuery(`admin-trip-${id}`, apiGet('/api/trips/{id}', { path: { id } }), tripDetail);
  const { reload, loading } = query;
  const settling = query.data?.refunds.some((r) => r.status === 'pending') ?? false;
  useEffect(() => {
    if (!settling || loading) return;
    // A refund settles at its provider after the answer: follow it so the figures never stay stale.
    const timer = setTimeout(() => void reload(), settleCheckMs);
    return () => clearTimeout(timer);
  }, [settling, loading, reload]);
  const back = (
    <a href={hrefFor('trips')} className="kg-admin-back">
      ← {t('trip.back')}
    </a>
  );
  if (!query.data) {
    return (
      <>
        {back}
        {query.error ? <Alert>{errorMessage(query.error, t).message}</Alert> : null}
        {query.loading ? <p className="kg-muted">{t('trips.loading')}</p> : null}
      </>
    );
  }
  const { trip, events, payments, refunds } = query.data;
  const facts: [string, string][] = [
    [t('trips.col.rider'), trip.riderName],
    [
      t('trips.col.driver'),
      trip.driver ? `${trip.driver.name}${trip.driver.phone ? ` · ${trip.driver.phone}` : ''}` : '—',
    ],
    [
      t('trips.col.vehicle'),
      trip.vehicle ? `${trip.vehicle.plate} (${kinds.t(`live.kind.${trip.vehicle.kind}`)})` : '—',
    ],
    [t('trip.kind'), kinds.t(`live.kind.${trip.kind}`)],
    [t('trips.col.route'), `${place(trip.origin)} → ${place(trip.destination)}`],
    [t('trip.distance'), `${(trip.distanceMeters / 1000).toFixed(1)} km`],
    [t('trips.col.fare'), formatRwf(trip.fare)],
    [t('trip.eta'), trip.etaMinutes === null ? '—' : t('trip.etaMin', { n: trip.etaMinutes })],
    [t('trips.col.requested'), adminTime(trip.requestedAt, lang)],
  ];
  if (trip.cancellationFee > 0)
    facts.push([t('trip.cancellationFee'), formatRwf({ amount: trip.cancellationFee })]);
  if (trip.rejectReason) facts.push([t('trip.rejectReason'), t(`trip.reject.${trip.rejectReason}`)]);

  return (
    <>
      {back}
      <div className="kg-admin-heading">
        <div>
          <h1 data-testid="trip-heading">{t('trip.title', { id: shortId(trip.id) })}</h1>
          <p>
            <span
              className={`kg-badge kg-trip-status kg-trip-status--${trip.status}`}
              data-testid="trip-status"
              data-status={trip.status}
            >
              {t(`tripStatus.${trip.status}`)}
            </span>
          </p>
        </div>
        <Button variant="secondary" busy={query.loading} onClick={() => void query.reload()}>
          {t('trips.refresh')}
        </Button>
      </div>
      <Card>
        <dl className="kg-details kg-details--row kg-trip-facts">
          {facts.map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      </Card>
      <TripPayments
        payments={payments}
        refunds={refunds}
        disputes={query.data.disputes ?? []}
        onChanged={() => void query.reload()}
      />
      <ProviderCalls calls={query.data.providerCalls ?? []} />
      <Card title={t('trip.events')}>
        <ol className="kg-trip-events" data-testid="trip-events">
          {events.map((e) => (
            <li key={e.id}>
              <span className="kg-nowrap kg-muted">{adminTime(e.at, lang)}</span>
              <span>
                {e.fromStatus ? `${t(`tripStatus.${e.fromStatus}`)} → ` : ''}
                <strong>{t(`tripStatus.${e.toStatus}`)}</strong>
              </span>
              <span className="kg-muted">{t(`trip.event.by.${actor(trip, e)}`)}</span>
            </li>
          ))}
        </ol>
      </Card>
    </>
  );
}

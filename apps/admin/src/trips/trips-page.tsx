import './trips.css';
import { apiGet, useApiQuery } from '@kigaligo/client';
import { type TripStatus, tripStatuses, tripView } from '@kigaligo/domain';
import { Alert, Button, errorMessage } from '@kigaligo/ui';
import { useState } from 'react';
import { z } from 'zod';
import { useAdminI18n } from '../messages';
import { useRouteParam } from '../use-hash-route';
import { TripDetail } from './trip-detail';
import { TripsTable } from './trips-table';

const tripsResponse = z.object({ trips: z.array(tripView) });

/** All trips with a status filter; `#/trips/<id>` opens one with its events, payments and refunds. */
export function TripsPage() {
  const id = useRouteParam();
  return id ? <TripDetail id={id} /> : <TripList />;
}

function TripList() {
  const { t, lang } = useAdminI18n();
  const [status, setStatus] = useState<TripStatus | 'all'>('all');
  const request = apiGet('/api/trips', { query: { limit: 200, ...(status === 'all' ? {} : { status }) } });
  const query = useApiQuery(`admin-trips-${status}`, request, tripsResponse);
  const trips = query.data?.trips ?? [];
  const savedAt = query.updatedAt
    ? new Intl.DateTimeFormat(lang === 'rw' ? 'rw-RW' : 'en-GB', { timeStyle: 'short' }).format(
        query.updatedAt,
      )
    : '';
  return (
    <>
      <div className="kg-admin-heading">
        <div>
          <h1>{t('trips.title')}</h1>
          <p className="kg-muted">{t('trips.subtitle')}</p>
        </div>
        <Button variant="secondary" busy={query.loading} onClick={() => void query.reload()}>
          {t('trips.refresh')}
        </Button>
      </div>
      {query.stale ? <Alert tone="info">{t('trips.stale', { time: savedAt })}</Alert> : null}
      {query.error && !query.stale ? <Alert>{errorMessage(query.error, t).message}</Alert> : null}
      <div className="kg-toolbar">
        <fieldset className="kg-chips kg-chips--wrap" aria-label={t('trips.filter')}>
          {(['all', ...tripStatuses] as const).map((s) => (
            <button key={s} type="button" aria-pressed={status === s} onClick={() => setStatus(s)}>
              {s === 'all' ? t('trips.all') : t(`tripStatus.${s}`)}
            </button>
          ))}
        </fieldset>
        <span className="kg-muted kg-toolbar-count">{t('trips.count', { count: trips.length })}</span>
      </div>
      {query.loading && !query.data ? (
        <p className="kg-muted">{t('trips.loading')}</p>
      ) : (
        <TripsTable trips={trips} />
      )}
    </>
  );
}

import type { Leg } from '@kigaligo/planner';
import { stopName } from '../plan/format';
import { useBookingI18n } from './booking-messages';
import { bookHref } from './booking-route';

/** Under a planned moto leg: book that ride (or a car for it) with its ends filled in. */
export function BookLegLinks({ leg }: { leg: Leg }) {
  const { t } = useBookingI18n();
  const from = { lat: leg.from.lat, lon: leg.from.lon, label: stopName(leg.from.name) };
  const to = { lat: leg.to.lat, lon: leg.to.lon, label: stopName(leg.to.name) };
  return (
    <span className="kg-itin-book">
      <a className="kg-button kg-button--primary" href={bookHref({ from, to, kind: 'moto' })}>
        {t('book.thisMoto')}
      </a>
      <a className="kg-button kg-button--secondary" href={bookHref({ from, to, kind: 'car' })}>
        {t('book.car')}
      </a>
    </span>
  );
}

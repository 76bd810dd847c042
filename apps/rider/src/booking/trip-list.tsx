import { formatRwf } from '../plan/format';
import { useBookingI18n } from './booking-messages';
import { tripHref } from './booking-route';
import { type Booking, bookingStage } from './booking-state';
import { bookedAt, stageText } from './trip-text';

/** Bookings as tappable rows: route, when, and where each stands (waiting, confirmed, driver arriving…). */
export function TripList({ bookings, pending }: { bookings: Booking[]; pending: number }) {
  const { t, lang } = useBookingI18n();
  return (
    <ul className="kg-trip-list" data-testid="trip-list">
      {bookings.map((b) => {
        const stage = bookingStage(b, pending);
        const { title } = stageText(t, b, stage);
        const d = b.decision?.status === 'confirmed' ? b.decision : null;
        // A cancelled trip costs its fee (often nothing), not its fare.
        const fare = !d
          ? null
          : stage === 'cancelled'
            ? d.cancellationFee > 0
              ? t('cancel.charged', { fee: formatRwf({ amount: d.cancellationFee }) })
              : null
            : formatRwf(d.fare);
        return (
          <li key={b.intent.id}>
            <a
              className="kg-trip-item"
              href={tripHref(b.intent.id)}
              data-testid="trip-item"
              data-stage={stage}
            >
              <span className="kg-trip-item-route">
                {b.intent.origin.label ?? t('book.pickup')} →{' '}
                {b.intent.destination.label ?? t('book.destination')}
              </span>
              <span className="kg-trip-item-meta">
                {t(`book.kind.${b.intent.kind}`)} · {bookedAt(b.intent.createdAt, lang)}
                {fare ? ` · ${fare}` : ''}
              </span>
              <span className={`kg-trip-badge kg-trip-badge--${stage}`}>{title}</span>
            </a>
          </li>
        );
      })}
    </ul>
  );
}

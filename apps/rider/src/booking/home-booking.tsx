import './booking.css';
import { Card, DocumentNotSent, EmptyState } from '@kigaligo/ui';
import type { ReactNode } from 'react';
import { useRiderI18n } from '../messages';
import { bookHref, tripsHref } from './booking-route';
import { NotSentBookings } from './not-sent-bookings';
import { TripList } from './trip-list';
import { useBookings } from './use-bookings';

function MotoIcon() {
  return (
    <svg
      width="28"
      height="28"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <circle cx="5.5" cy="16.5" r="3.5" />
      <circle cx="18.5" cy="16.5" r="3.5" />
      <path d="M5.5 16.5 10 9h5l3.5 7.5M14 5h3l-2 4" />
    </svg>
  );
}

/** The home screen's way in: "Book a ride", next to "Plan a trip". */
export function BookRideLink() {
  const { t } = useRiderI18n();
  return (
    <a className="kg-plan-cta kg-plan-cta--book" href={bookHref()}>
      <span className="kg-plan-cta-icon">
        <MotoIcon />
      </span>
      <span className="kg-plan-cta-text">
        <span className="kg-plan-cta-title">{t('book.open')}</span>
        <span className="kg-plan-cta-hint">{t('book.openHint')}</span>
      </span>
      <span aria-hidden="true" className="kg-plan-cta-arrow">
        →
      </span>
    </a>
  );
}

/** The latest three bookings with where each stands, or the empty state until the first one. */
export function TripsCard({ emptyIcon }: { emptyIcon: ReactNode }) {
  const { t } = useRiderI18n();
  const { bookings, notSent, documentRejection, discard, pending } = useBookings();
  return (
    <Card title={t('trips.title')}>
      <DocumentNotSent rejection={documentRejection} />
      <NotSentBookings items={notSent} onDiscard={discard} />
      {bookings.length ? (
        <>
          <TripList bookings={bookings.slice(0, 3)} pending={pending} />
          <a className="kg-trips-more" href={tripsHref}>
            {t('mytrips.all')} →
          </a>
        </>
      ) : notSent.length > 0 ? null : (
        <EmptyState icon={emptyIcon} title={t('trips.empty')}>
          {t('mytrips.empty')}
        </EmptyState>
      )}
    </Card>
  );
}

import './booking.css';
import { AppHeader, Card, SyncStatus } from '@kigaligo/ui';
import { useBookingI18n } from './booking-messages';
import { bookHref } from './booking-route';
import { NotSentBookings } from './not-sent-bookings';
import { TripList } from './trip-list';
import { useBookings } from './use-bookings';

/** Every booking on the rider's account, newest first, from the synced document (offline too). */
export function TripsPage() {
  const { t } = useBookingI18n();
  const { bookings, notSent, discard, pending, ready } = useBookings();
  return (
    <>
      <AppHeader />
      <main className="kg-page">
        <div className="kg-plan-head">
          <a href="#/" className="kg-back">
            ← {t('mytrips.back')}
          </a>
          <h1 className="kg-hero-title">{t('mytrips.title')}</h1>
        </div>
        <a className="kg-button kg-button--primary kg-button--block" href={bookHref()}>
          {t('book.open')}
        </a>
        <Card>
          <NotSentBookings items={notSent} onDiscard={discard} />
          {bookings.length ? (
            <TripList bookings={bookings} pending={pending} />
          ) : ready && notSent.length === 0 ? (
            <p className="kg-muted">{t('mytrips.empty')}</p>
          ) : null}
          <SyncStatus className="kg-trip-sync" />
        </Card>
      </main>
    </>
  );
}

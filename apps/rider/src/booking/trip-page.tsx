import './booking.css';
import { useLiveVehicles, useRequestQueue } from '@kigaligo/client';
import { AppHeader, Card, SyncStatus } from '@kigaligo/ui';
import { useEffect, useMemo, useState } from 'react';
import { formatRwf } from '../plan/format';
import { useBookingI18n } from './booking-messages';
import { bookHref, tripsHref } from './booking-route';
import { awaitingCard, bookingStage, canCancel, isLiveTrip, paymentFailed } from './booking-state';
import { CancelPanel } from './cancel-panel';
import { CardStep } from './card-step';
import { liveEtaMinutes } from './live-eta';
import { PayAgain } from './pay-again';
import { paymentSubject, QueuedPayments } from './switch-payment';
import { TripMap } from './trip-map';
import { TripReceiptCard } from './trip-receipt';
import { bookedAt, paymentText, stageText } from './trip-text';
import { useBookings } from './use-bookings';

/** Payment states with money collected: the trip has a receipt. */
const RECEIPTED = new Set(['succeeded', 'partially_refunded', 'refunded']);

/** One booking: where it stands, the driver and vehicle once confirmed, the vehicle live, cancel and pay. */
export function TripPage({ id }: { id: string }) {
  const { t, lang } = useBookingI18n();
  const { bookings, cancel, pending, ready } = useBookings();
  const booking = bookings.find((b) => b.intent.id === id);
  const decision = booking?.decision;
  const confirmed = decision?.status === 'confirmed' ? decision : null;
  // One live feed for the ETA and the map, open only while the trip is live: the rider sees their own vehicle
  // once its driver accepted, until the trip ends.
  const { vehicles } = useLiveVehicles(null, isLiveTrip(confirmed));
  const vehicleId = confirmed?.vehicle.id;
  const mine = useMemo(() => vehicles.filter((v) => v.vehicleId === vehicleId), [vehicles, vehicleId]);
  const offerWaiting = confirmed?.tripStatus === 'assigned';
  const payments = useRequestQueue(paymentSubject(id));
  const [now, setNow] = useState(() => new Date());
  // The seconds a driver has left tick only while an offer waits.
  useEffect(() => {
    if (!offerWaiting) return;
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, [offerWaiting]);
  if (!booking) {
    return (
      <>
        <AppHeader />
        <main className="kg-page">
          <a href={tripsHref} className="kg-back">
            ← {t('mytrips.title')}
          </a>
          {ready ? <p className="kg-muted">{t('trip.notFound')}</p> : null}
        </main>
      </>
    );
  }
  const { intent } = booking;
  const stage = bookingStage(booking, pending);
  const liveEta = confirmed ? liveEtaMinutes(confirmed.tripStatus, intent, mine[0]) : null;
  const text = stageText(t, booking, stage, { now, liveEta });
  const route = `${intent.origin.label ?? t('book.pickup')} → ${intent.destination.label ?? t('book.destination')}`;

  return (
    <>
      <AppHeader />
      <main className="kg-page kg-trip">
        <div className="kg-plan-head">
          <a href={tripsHref} className="kg-back">
            ← {t('mytrips.title')}
          </a>
          <h1 className="kg-hero-title kg-trip-route">{route}</h1>
          <p className="kg-muted">
            {t(`book.kind.${intent.kind}`)} · {bookedAt(intent.createdAt, lang)}
          </p>
        </div>
        <Card>
          <div className="kg-trip-stage" data-testid="trip-stage" data-stage={stage}>
            <span className="kg-trip-dot" aria-hidden="true" />
            <div>
              <p
                className="kg-trip-title"
                data-testid="trip-status"
                data-status={confirmed?.tripStatus ?? ''}
              >
                {text.title}
              </p>
              {text.detail ? (
                <p
                  className="kg-muted"
                  data-testid="trip-detail"
                  data-eta={liveEta ?? undefined}
                  aria-live="polite"
                >
                  {text.detail}
                </p>
              ) : null}
            </div>
          </div>
          {confirmed ? (
            <dl className="kg-details kg-trip-details">
              <div>
                <dt>{t('trip.vehicle')}</dt>
                <dd data-testid="trip-plate">
                  <strong>{confirmed.vehicle.plate}</strong> · {t(`book.kind.${confirmed.vehicle.kind}`)}
                </dd>
              </div>
              <div>
                <dt>{t('trip.driver')}</dt>
                <dd data-testid="trip-driver">
                  {confirmed.driver.name}
                  {confirmed.driver.phone && isLiveTrip(confirmed) ? (
                    <>
                      {' · '}
                      <a href={`tel:${confirmed.driver.phone}`}>
                        {t('trip.call', { name: confirmed.driver.name.split(/\s+/)[0] ?? '' })}
                      </a>
                    </>
                  ) : null}
                </dd>
              </div>
              <div>
                <dt>{t('trip.fare')}</dt>
                <dd data-testid="trip-fare">{formatRwf(confirmed.fare)}</dd>
              </div>
              <div>
                <dt>{t('trip.payment')}</dt>
                <dd data-testid="trip-payment" data-payment={confirmed.payment.status}>
                  {paymentText(t, confirmed.payment)}
                </dd>
              </div>
            </dl>
          ) : null}
          {stage === 'waiting' || stage === 'cancelling' ? <SyncStatus className="kg-trip-sync" /> : null}
          {stage === 'rejected' ? (
            <a
              className="kg-button kg-button--primary kg-button--block kg-trip-again"
              href={bookHref({ from: intent.origin, to: intent.destination, kind: intent.kind })}
            >
              {t('book.again')}
            </a>
          ) : null}
          {canCancel(booking) ? <CancelPanel booking={booking} onCancel={() => cancel(intent)} /> : null}
        </Card>
        <QueuedPayments queue={payments} />
        {confirmed && awaitingCard(confirmed) ? (
          <Card>
            <CardStep decision={confirmed} queue={payments} subject={paymentSubject(id)} />
          </Card>
        ) : null}
        {confirmed && paymentFailed(confirmed) ? (
          <Card>
            <PayAgain decision={confirmed} />
          </Card>
        ) : null}
        {confirmed && RECEIPTED.has(confirmed.payment.status) ? (
          <Card className="kg-receipt-card">
            <TripReceiptCard tripId={confirmed.tripId} />
          </Card>
        ) : null}
        {confirmed && isLiveTrip(confirmed) ? <TripMap intent={intent} vehicles={mine} /> : null}
      </main>
    </>
  );
}

import '../plan/plan.css';
import './booking.css';
import { useOnline, useSession } from '@kigaligo/client';
import { type BookableKind, bookableKinds, bookingIntent } from '@kigaligo/domain';
import { Alert, AppHeader, Button, Card } from '@kigaligo/ui';
import { type FormEvent, useMemo, useState } from 'react';
import { distance, formatRwf } from '../plan/format';
import { LocateButton } from '../plan/locate-button';
import { type Chosen, PlaceField } from '../plan/place-field';
import { usePlaces } from '../plan/use-places';
import { useBookingI18n } from './booking-messages';
import { type BookPrefill, tripHref } from './booking-route';
import { estimateRide, normalisePhone } from './booking-state';
import { PaymentChoice, type PaymentValue } from './payment-choice';
import { useBookings } from './use-bookings';

const chosen = (p: BookPrefill['from'], fallback: string): Chosen | null =>
  p ? { lat: p.lat, lon: p.lon, label: p.label ?? fallback } : null;

/**
 * Book a moto or a car from A to B. The booking is a `bookingIntent` written into the rider's document, so
 * it works offline: the server books it when the document syncs and its decision appears on the trip screen.
 */
export function BookPage({ prefill }: { prefill: BookPrefill }) {
  const { t } = useBookingI18n();
  const session = useSession();
  const online = useOnline();
  const index = usePlaces();
  const { book, resend, ready } = useBookings();
  const [from, setFrom] = useState(() => chosen(prefill.from, t('book.pickup')));
  const [to, setTo] = useState(() => chosen(prefill.to, t('book.destination')));
  const [kind, setKind] = useState<BookableKind>(prefill.kind ?? 'moto');
  const [pay, setPay] = useState<PaymentValue>({ method: 'mobile_money', phone: session?.user.phone ?? '' });
  const [phoneError, setPhoneError] = useState<string>();
  const [formError, setFormError] = useState<string | null>(null);
  const estimate = useMemo(() => (from && to ? estimateRide(kind, from, to) : null), [kind, from, to]);
  const same = from && to && estimate !== null && estimate.meters < 50;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!from || !to || same) return;
    const parsed = bookingIntent.safeParse({
      id: crypto.randomUUID(),
      kind,
      origin: { lat: from.lat, lon: from.lon, label: from.label.slice(0, 200) },
      destination: { lat: to.lat, lon: to.lon, label: to.label.slice(0, 200) },
      paymentMethod: pay.method,
      ...(pay.method === 'mobile_money' ? { payerPhone: normalisePhone(pay.phone) } : {}),
      createdAt: new Date().toISOString(),
    });
    if (!parsed.success) {
      if (parsed.error.issues.some((i) => i.path[0] === 'payerPhone')) setPhoneError(t('book.phoneInvalid'));
      else setFormError(t('error.generic'));
      return;
    }
    if (prefill.replaces) resend(parsed.data, prefill.replaces);
    else book(parsed.data);
    location.hash = tripHref(parsed.data.id);
  };

  return (
    <>
      <AppHeader />
      <main className="kg-page kg-book">
        <div className="kg-plan-head">
          <a href="#/" className="kg-back">
            ← {t('book.back')}
          </a>
          <h1 className="kg-hero-title">{t('book.title')}</h1>
          {prefill.from && prefill.to ? <p className="kg-muted">{t('book.fromPlan')}</p> : null}
        </div>
        <Card>
          <form className="kg-form" onSubmit={submit} noValidate>
            <PlaceField
              label={t('book.pickup')}
              placeholder={t('plan.fromPlaceholder')}
              value={from}
              onChange={setFrom}
              index={index}
              action={<LocateButton onLocated={(c) => setFrom({ ...c, label: t('plan.myLocation') })} />}
            />
            <PlaceField
              label={t('book.destination')}
              placeholder={t('plan.toPlaceholder')}
              value={to}
              onChange={setTo}
              index={index}
            />
            <fieldset className="kg-segments kg-segments--two" aria-label={t('book.kind')}>
              {bookableKinds.map((k) => (
                <button
                  key={k}
                  type="button"
                  className="kg-segment"
                  aria-pressed={kind === k}
                  onClick={() => setKind(k)}
                >
                  {t(`book.kind.${k}`)}
                </button>
              ))}
            </fieldset>
            <div className="kg-book-fare" data-testid="fare-estimate">
              <span className="kg-field-label">{t('book.fare')}</span>
              {estimate ? (
                <>
                  <strong className="kg-book-fare-amount">
                    {t('book.fareEstimate', { fare: formatRwf(estimate.fare) })}
                  </strong>
                  <span className="kg-field-hint">
                    {t('book.fareDetail', { distance: distance(estimate.meters) })}
                  </span>
                </>
              ) : (
                <span className="kg-field-hint">{t('book.farePick')}</span>
              )}
            </div>
            <PaymentChoice
              value={pay}
              phoneError={phoneError}
              onChange={(next) => {
                setPay(next);
                setPhoneError(undefined);
              }}
            />
            {formError ? <Alert>{formError}</Alert> : null}
            {same ? <Alert tone="info">{t('book.samePlace')}</Alert> : null}
            {!online ? <Alert tone="info">{t('book.offline')}</Alert> : null}
            <Button type="submit" block disabled={!from || !to || !ready || Boolean(same)}>
              {estimate
                ? t('book.submit', { kind: t(`book.kind.${kind}`), fare: formatRwf(estimate.fare) })
                : t('book.submitNoFare')}
            </Button>
          </form>
        </Card>
      </main>
    </>
  );
}

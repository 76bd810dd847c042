import { apiRequest, type QueuedRequest, type RequestQueueState, useSession } from '@kigaligo/client';
import { type PaymentMethod, rwandaPhone } from '@kigaligo/domain';
import { Alert, Button } from '@kigaligo/ui';
import { useState } from 'react';
import { formatRwf } from '../plan/format';
import { useBookingI18n } from './booking-messages';
import { normalisePhone } from './booking-state';
import { PaymentChoice, type PaymentValue } from './payment-choice';

const instead: readonly PaymentMethod[] = ['cash', 'mobile_money'];

/** The request-queue subject of a booking's payment requests (by its intent id, known offline too). */
export const paymentSubject = (bookingId: string) => `trip-payment:${bookingId}`;

/**
 * Pays a card booking by cash or mobile money instead. The request is kept on the phone and sent when the
 * network allows (at once when online), with its own Idempotency-Key, so choosing offline works and a resend
 * after a lost answer is the same payment. The server replaces the waiting card payment; should the card still
 * go through from another tab, that duplicate is refunded on its own.
 */
export function SwitchPayment({
  tripId,
  fare,
  queue,
  subject,
}: {
  tripId: string;
  fare: number;
  queue: RequestQueueState;
  subject: string;
}) {
  const { t } = useBookingI18n();
  const session = useSession();
  const [pay, setPay] = useState<PaymentValue>({ method: 'cash', phone: session?.user.phone ?? '' });
  const [phoneError, setPhoneError] = useState<string>();
  const waiting = queue.requests.some((r) => r.state === 'waiting');

  const submit = async () => {
    const phone = pay.method === 'mobile_money' ? rwandaPhone.safeParse(normalisePhone(pay.phone)) : null;
    if (phone && !phone.success) {
      setPhoneError(t('book.phoneInvalid'));
      return;
    }
    await queue.enqueue({
      ...apiRequest('post', '/api/payments', {
        body: { tripId, method: pay.method, ...(phone ? { payerPhone: phone.data } : {}) },
      }),
      subject,
      action: `pay:${pay.method}`,
    });
  };

  return (
    <section className="kg-card-switch" aria-labelledby="kg-card-switch-title">
      <h3 id="kg-card-switch-title" className="kg-card-title">
        {t('card.other')}
      </h3>
      <p className="kg-muted">{t('card.otherHint')}</p>
      <PaymentChoice
        value={pay}
        methods={instead}
        phoneError={phoneError}
        onChange={(next) => {
          setPay(next);
          setPhoneError(undefined);
        }}
      />
      <Button variant="secondary" block disabled={!queue.ready || waiting} onClick={() => void submit()}>
        {t('card.switch', { fare: formatRwf({ amount: fare }) })}
      </Button>
    </section>
  );
}

/**
 * The trip's payment requests made on this phone and not yet accepted: waiting for the network, or refused by
 * the server with its reason (kept until the rider dismisses it, whatever the trip shows meanwhile).
 */
export function QueuedPayments({ queue }: { queue: RequestQueueState }) {
  const { t } = useBookingI18n();
  if (queue.requests.length === 0) return null;
  const method = (r: QueuedRequest) => t(`book.pay.${r.action.split(':')[1] as PaymentMethod}`);
  return (
    <ul className="kg-queued-payments" aria-live="polite" data-testid="queued-payments">
      {queue.requests.map((r) =>
        r.state === 'waiting' ? (
          <li key={r.seq} data-state="waiting">
            <Alert tone="info">{t('card.switchWaiting', { method: method(r) })}</Alert>
          </li>
        ) : (
          <li key={r.seq} data-state="refused">
            <Alert>{t('card.switchRefused', { reason: r.error?.message ?? '' })}</Alert>
            <Button variant="ghost" onClick={() => void queue.dismiss(r.seq!)}>
              {t('card.dismiss')}
            </Button>
          </li>
        ),
      )}
    </ul>
  );
}

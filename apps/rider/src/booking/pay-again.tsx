import { ApiRequestError, apiRequest, sendUntilAnswered, useClient, useSession } from '@kigaligo/client';
import { type BookingDecision, rwandaPhone } from '@kigaligo/domain';
import { Alert, actionErrorMessage, Button } from '@kigaligo/ui';
import { useState } from 'react';
import { formatRwf } from '../plan/format';
import { useBookingI18n } from './booking-messages';
import { normalisePhone } from './booking-state';
import { PaymentChoice, type PaymentValue } from './payment-choice';

type Confirmed = Extract<BookingDecision, { status: 'confirmed' }>;

/**
 * After a failed payment: pay the trip another way through `POST /api/payments`. One idempotency key per
 * attempt, so pressing again after a timeout is the same payment, not a second charge.
 */
export function PayAgain({ decision }: { decision: Confirmed }) {
  const { t } = useBookingI18n();
  const { api } = useClient();
  const session = useSession();
  const [pay, setPay] = useState<PaymentValue>({
    method: decision.payment.method === 'mobile_money' ? 'card' : 'mobile_money',
    phone: session?.user.phone ?? '',
  });
  // Kept across a failed request (the answer may have been lost), so the retry is the same payment.
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [phoneError, setPhoneError] = useState<string>();

  const submit = async () => {
    setError(null);
    const phone = pay.method === 'mobile_money' ? rwandaPhone.safeParse(normalisePhone(pay.phone)) : null;
    if (phone && !phone.success) {
      setPhoneError(t('book.phoneInvalid'));
      return;
    }
    setBusy(true);
    try {
      // "Still being handled" is asked again after Retry-After with the same key: one payment either way.
      await sendUntilAnswered(() =>
        api.request(
          apiRequest('post', '/api/payments', {
            body: {
              tripId: decision.tripId,
              method: pay.method,
              ...(phone ? { payerPhone: phone.data } : {}),
            },
          }),
          { headers: { 'Idempotency-Key': key } },
        ),
      );
      setDone(true);
      // Answered: a press after this one (the new payment failed too) is a new attempt.
      setKey(crypto.randomUUID());
    } catch (err) {
      // The key went with another choice before (nothing was done for this one): the next press is new.
      if (err instanceof ApiRequestError && err.code === 'idempotency_key_reused')
        setKey(crypto.randomUUID());
      setError(actionErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="kg-trip-pay" data-testid="pay-again">
      <Alert>{t('pay.failedTitle')}</Alert>
      <p className="kg-muted">{t('pay.failedHint')}</p>
      <PaymentChoice
        value={pay}
        phoneError={phoneError}
        onChange={(next) => {
          setPay(next);
          setPhoneError(undefined);
          // Another method or number is another payment.
          setKey(crypto.randomUUID());
          setDone(false);
        }}
      />
      {error ? <Alert>{error}</Alert> : null}
      {done ? <Alert tone="success">{t('pay.sent')}</Alert> : null}
      <Button block busy={busy} onClick={() => void submit()}>
        {t('pay.retry', { fare: formatRwf(decision.fare) })}
      </Button>
    </section>
  );
}

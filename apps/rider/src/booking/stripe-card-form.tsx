import { Alert, Button } from '@kigaligo/ui';
import { Elements, PaymentElement, useElements, useStripe } from '@stripe/react-stripe-js';
import type { Stripe, StripeElementLocale } from '@stripe/stripe-js';
import { loadStripe } from '@stripe/stripe-js/pure';
import { type FormEvent, useEffect, useState } from 'react';
import { formatRwf } from '../plan/format';
import { useBookingI18n } from './booking-messages';

export interface StripeCardFormProps {
  publishableKey: string;
  /** The PaymentIntent's client secret, handed to its paying rider only (`GET /api/payments`). */
  clientSecret: string;
  /** A Customer Session's secret: the rider's saved cards are offered, and a new one can be saved. */
  customerSessionClientSecret?: string | undefined;
  /** Pay `amount` (the client secret is a PaymentIntent's), or save the card (a SetupIntent's). */
  purpose: { amount: number } | 'save';
  /** Once Stripe has accepted the card. */
  onDone?: () => void;
}

/**
 * Stripe's Payment Element for a card payment waiting for its rider. This module (and Stripe.js from
 * js.stripe.com, which the rider app's CSP allows only when Stripe is configured) loads on the payment step
 * only. Stripe.js confirms the intent itself and shows 3-D Secure when the bank asks for it; whether the money
 * came is decided by Stripe's webhooks, and the trip shows it when the server says so. With a Customer Session
 * the element lists the rider's saved cards (Stripe keeps them on their Customer) and offers to save a new one.
 */
export default function StripeCardForm({
  publishableKey,
  clientSecret,
  customerSessionClientSecret,
  purpose,
  onDone,
}: StripeCardFormProps) {
  const { t, lang } = useBookingI18n();
  const [stripe, setStripe] = useState<Stripe | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  // Stripe has no Kinyarwanda: its own texts follow the browser's language then, English by default.
  const locale: StripeElementLocale = lang === 'en' ? 'en' : 'auto';

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the rider's "try again"
  useEffect(() => {
    let live = true;
    setFailed(false);
    loadStripe(publishableKey, { locale }).then(
      (loaded) => live && (loaded ? setStripe(loaded) : setFailed(true)),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [publishableKey, locale, attempt]);

  if (failed) {
    return (
      <>
        <Alert>{t('card.loadFailed')}</Alert>
        <Button variant="secondary" onClick={() => setAttempt((n) => n + 1)}>
          {t('card.tryAgain')}
        </Button>
      </>
    );
  }
  if (!stripe) return <p className="kg-muted">{t('card.preparing')}</p>;
  return (
    <Elements
      stripe={stripe}
      options={{
        clientSecret,
        locale,
        ...(customerSessionClientSecret ? { customerSessionClientSecret } : {}),
      }}
    >
      <ConfirmForm purpose={purpose} onDone={onDone} />
    </Elements>
  );
}

function ConfirmForm({ purpose, onDone }: Pick<StripeCardFormProps, 'purpose' | 'onDone'>) {
  const { t } = useBookingI18n();
  const stripe = useStripe();
  const elements = useElements();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!stripe || !elements) return;
    setBusy(true);
    setError(null);
    // Cards (3-D Secure included) complete in place; a method that must leave the app comes back here.
    const options = {
      elements,
      redirect: 'if_required',
      confirmParams: { return_url: location.href },
    } as const;
    const result =
      purpose === 'save' ? await stripe.confirmSetup(options) : await stripe.confirmPayment(options);
    setBusy(false);
    // Stripe's message is already in the rider's words (declined, wrong CVC, authentication failed).
    if (result.error) setError(result.error.message ?? t('pay.failed'));
    else {
      setSent(true);
      onDone?.();
    }
  };

  if (sent)
    return (
      <Alert tone={purpose === 'save' ? 'success' : 'info'}>
        {t(purpose === 'save' ? 'cards.saved' : 'card.sent')}
      </Alert>
    );
  return (
    <form className="kg-form" onSubmit={(e) => void submit(e)} data-testid="stripe-card">
      <PaymentElement />
      {error ? <Alert>{error}</Alert> : null}
      <Button type="submit" block busy={busy} disabled={!stripe || !elements}>
        {purpose === 'save'
          ? t('cards.save')
          : t('card.pay', { fare: formatRwf({ amount: purpose.amount }) })}
      </Button>
    </form>
  );
}

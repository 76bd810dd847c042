import { apiGet, type RequestQueueState, useApiQuery, useOnline } from '@kigaligo/client';
import { type BookingDecision, paymentList } from '@kigaligo/domain';
import { Alert } from '@kigaligo/ui';
import { lazy, type ReactNode, Suspense, useEffect } from 'react';
import { formatRwf } from '../plan/format';
import { useBookingI18n } from './booking-messages';
import { SandboxCardForm } from './sandbox-card-form';
import { SwitchPayment } from './switch-payment';
import { useCardConfig } from './use-card-config';

type Confirmed = Extract<BookingDecision, { status: 'confirmed' }>;

// Stripe.js and its React bindings are for the payment step only, not the app's first paint.
const StripeCardForm = lazy(() => import('./stripe-card-form'));

/**
 * A card booking waiting for its card: Stripe's Payment Element where Stripe is configured, the labelled
 * test card form in the sandbox. Cards need the network, so offline the trip waits to be paid when online,
 * and the rider may pay by cash or mobile money instead (kept on the phone and sent when it can be).
 */
export function CardStep({
  decision,
  queue,
  subject,
}: {
  decision: Confirmed;
  /** The trip's payment requests on this phone (`subject` names them). */
  queue: RequestQueueState;
  subject: string;
}) {
  const { t } = useBookingI18n();
  const online = useOnline();
  const card = useCardConfig();
  const { tripId } = decision;
  const query = useApiQuery(
    `trip-payments:${tripId}`,
    apiGet('/api/payments', { query: { tripId } }),
    paymentList,
  );
  const { reload } = query;
  const status = decision.payment.status;
  // The server moves the payment on (charge created, paid, replaced): ask again for what it now holds.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `status` says when to ask again
  useEffect(() => {
    if (online) void reload();
  }, [status, online, reload]);
  const payment = query.data?.payments.find((p) => p.method === 'card' && p.status === 'processing');
  const switching = queue.requests.some((r) => r.state === 'waiting');

  let form: ReactNode;
  if (!online) form = <Alert tone="info">{t('card.offline')}</Alert>;
  else if (!payment || !card) form = <p className="kg-muted">{t('card.preparing')}</p>;
  else if (card.provider === 'sandbox') form = <SandboxCardForm payment={payment} />;
  else if (payment.clientSecret) {
    form = (
      <Suspense fallback={<p className="kg-muted">{t('card.preparing')}</p>}>
        <StripeCardForm
          publishableKey={card.publishableKey}
          clientSecret={payment.clientSecret}
          customerSessionClientSecret={payment.customerSessionClientSecret}
          purpose={{ amount: payment.amount }}
        />
      </Suspense>
    );
  } else form = <p className="kg-muted">{t('card.sent')}</p>;

  return (
    <section className="kg-card-step" aria-labelledby="kg-card-step-title" data-testid="card-step">
      <h2 id="kg-card-step-title" className="kg-card-title">
        {t('card.title')}
      </h2>
      <p className="kg-muted">{t('card.amount', { fare: formatRwf({ amount: decision.payment.amount }) })}</p>
      {switching ? null : form}
      <SwitchPayment tripId={tripId} fare={decision.payment.amount} queue={queue} subject={subject} />
    </section>
  );
}

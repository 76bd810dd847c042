import { apiRequest, useClient, useOnline } from '@kigaligo/client';
import { type CardSetup, cardSetup } from '@kigaligo/domain';
import { Alert, actionErrorMessage, Button, Card } from '@kigaligo/ui';
import { lazy, Suspense, useState } from 'react';
import { useBookingI18n } from './booking-messages';
import { useCardConfig } from './use-card-config';

const StripeCardForm = lazy(() => import('./stripe-card-form'));

/**
 * Saved cards, where cards are taken through Stripe: the rider saves one without paying (a SetupIntent on
 * their Stripe Customer) in the Payment Element, which also lists and removes the saved ones. The card's
 * details go to Stripe only. In the sandbox there is nothing to save, and the card is not shown.
 */
export function SavedCardsCard() {
  const { t } = useBookingI18n();
  const { api } = useClient();
  const online = useOnline();
  const card = useCardConfig();
  const [setup, setSetup] = useState<CardSetup | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (card?.provider !== 'stripe') return null;

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setSetup(await api.request(apiRequest('post', '/api/me/cards/setup'), { schema: cardSetup }));
    } catch (err) {
      setError(actionErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('cards.title')}>
      <div className="kg-card-form" data-testid="saved-cards">
        <p className="kg-muted">{t('cards.intro')}</p>
        {setup ? (
          <Suspense fallback={<p className="kg-muted">{t('card.preparing')}</p>}>
            <StripeCardForm
              publishableKey={card.publishableKey}
              clientSecret={setup.clientSecret}
              customerSessionClientSecret={setup.customerSessionClientSecret}
              purpose="save"
            />
          </Suspense>
        ) : (
          <Button variant="secondary" busy={busy} disabled={!online} onClick={() => void start()}>
            {t('cards.add')}
          </Button>
        )}
        {!online && !setup ? <p className="kg-field-hint">{t('cards.offline')}</p> : null}
        {error ? <Alert>{error}</Alert> : null}
      </div>
    </Card>
  );
}

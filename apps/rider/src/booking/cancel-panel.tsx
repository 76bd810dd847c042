import { Button } from '@kigaligo/ui';
import { useState } from 'react';
import { formatRwf } from '../plan/format';
import { useBookingI18n } from './booking-messages';
import { type Booking, cancelFeeNow } from './booking-state';

/**
 * Cancel with the rule stated first: free until the driver arrives, then the domain's fee. Cancelling sets
 * `cancelRequestedAt` on the intent, so it also works offline; the server applies the rule when it syncs.
 */
export function CancelPanel({ booking, onCancel }: { booking: Booking; onCancel(): void }) {
  const { t } = useBookingI18n();
  const [asking, setAsking] = useState(false);
  const fee = cancelFeeNow(booking);
  const rule = fee > 0 ? t('cancel.fee', { fee: formatRwf({ amount: fee }) }) : t('cancel.free');
  return (
    <div className="kg-trip-cancel" data-testid="cancel-panel">
      <p className={fee > 0 ? 'kg-trip-fee' : 'kg-muted'}>{rule}</p>
      {asking ? (
        <div className="kg-trip-actions">
          <Button variant="secondary" onClick={() => setAsking(false)}>
            {t('cancel.keep')}
          </Button>
          <Button
            onClick={() => {
              setAsking(false);
              onCancel();
            }}
          >
            {t('cancel.confirm')}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" block onClick={() => setAsking(true)}>
          {t('cancel.button')}
        </Button>
      )}
    </div>
  );
}

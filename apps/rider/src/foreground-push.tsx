import { type ForegroundPush, onForegroundPush } from '@kigaligo/client';
import { Button } from '@kigaligo/ui';
import { useEffect, useState } from 'react';
import { tripHref } from './booking/booking-route';
import { useRiderI18n } from './messages';
import { reportHref } from './reports/report-route';

/**
 * A notification that arrived while the app is in front (Firebase's `onMessage`): shown in the app, with a way
 * to what it is about, rather than on the lock screen the rider is not looking at.
 */
export function ForegroundPushBanner() {
  const { t } = useRiderI18n();
  const [push, setPush] = useState<ForegroundPush | null>(null);
  useEffect(() => onForegroundPush(setPush), []);
  if (!push) return null;
  const { intentId, reportId } = push.data;
  const href = intentId ? tripHref(intentId) : reportId ? reportHref(reportId) : null;
  return (
    <div className="kg-update kg-push-banner" role="status" data-testid="foreground-push">
      <div>
        <strong>{push.title}</strong>
        {push.body ? <p className="kg-push-banner-body">{push.body}</p> : null}
      </div>
      {href ? (
        <a className="kg-button kg-button--secondary" href={href} onClick={() => setPush(null)}>
          {t('push.open')}
        </a>
      ) : null}
      <Button variant="ghost" onClick={() => setPush(null)}>
        {t('push.dismiss')}
      </Button>
    </div>
  );
}

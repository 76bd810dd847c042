import { useNotificationPreferences, useOnline, usePushRegistration } from '@kigaligo/client';
import type { NotificationPreferences } from '@kigaligo/domain';
import { actionErrorMessage } from '../forms/action-error';
import { type Lang, useI18n } from '../i18n/i18n-context';
import { Alert } from './alert';
import { Card } from './card';

// The card's own strings, kept next to it (like the live map's) so any app that shows it gets both languages.
const en = {
  title: 'Notifications',
  intro: 'When your driver is assigned or arriving, your trip ends, a payment fails or a refund is made.',
  push: 'Notifications on this phone',
  email: 'Email',
  offline: 'Connect to the internet to change notification settings.',
  sandbox: 'Test mode: notifications are recorded by KigaliGo, not delivered to phones.',
  registered: 'This phone is registered for notifications.',
  denied: 'Notifications are blocked for this site in your browser settings.',
  unsupported: 'This browser cannot receive notifications; you still get emails.',
  failed: 'Could not register this phone for notifications. It is tried again next time.',
};
const rw: Record<keyof typeof en, string> = {
  title: 'Amatangazo',
  intro:
    'Iyo umushoferi wawe yabonetse cyangwa ageze, urugendo rurangiye, kwishyura byanze cyangwa amafaranga agusubijwe.',
  push: 'Amatangazo kuri iyi telefoni',
  email: 'Imeyili',
  offline: 'Jya kuri interineti kugira ngo uhindure amatangazo.',
  sandbox: 'Igerageza: amatangazo abikwa na KigaliGo, ntagera kuri telefoni.',
  registered: 'Iyi telefoni yanditswe kwakira amatangazo.',
  denied: 'Amatangazo y’uru rubuga yahagaritswe mu igenamiterere rya mushakisha yawe.',
  unsupported: 'Iyi mushakisha ntishobora kwakira amatangazo; imeyili zo uzazibona.',
  failed: 'Ntibyashobotse kwandika iyi telefoni ngo yakire amatangazo. Bizongera kugeragezwa ubutaha.',
};
const dict: Record<Lang, Record<keyof typeof en, string>> = { en, rw };

/**
 * Push and email switches (`/api/me/notification-preferences`) and this device's push registration: with
 * push on, the device registers at every start (a stable sandbox token, or an FCM token when configured).
 */
export function NotificationsCard() {
  const { lang, t: common } = useI18n();
  const t = dict[lang];
  const online = useOnline();
  const prefs = useNotificationPreferences();
  const value = prefs.value;
  const push = usePushRegistration(value?.push === true);
  const toggle = (key: keyof NotificationPreferences) => (e: { target: { checked: boolean } }) => {
    if (value) void prefs.save({ ...value, [key]: e.target.checked });
  };
  const disabled = !online || !value || prefs.saving;
  const pushNote =
    push?.state === 'registered'
      ? push.mode === 'sandbox'
        ? `${t.registered} ${t.sandbox}`
        : t.registered
      : push
        ? t[push.state]
        : null;
  return (
    <Card title={t.title}>
      <p className="kg-muted kg-notify-intro">{t.intro}</p>
      {!value && prefs.loadError ? (
        <p className="kg-muted kg-small">{actionErrorMessage(prefs.loadError, common)}</p>
      ) : null}
      <div className="kg-notify" data-testid="notification-settings" hidden={!value}>
        {(['push', 'email'] as const).map((key) => (
          <label key={key} className="kg-setting-row kg-notify-row">
            <span>{t[key]}</span>
            <input
              type="checkbox"
              className="kg-switch"
              checked={value?.[key] ?? false}
              disabled={disabled}
              onChange={toggle(key)}
            />
          </label>
        ))}
      </div>
      {value?.push && pushNote ? (
        <p className="kg-muted kg-small" data-testid="push-state" data-state={push?.state}>
          {pushNote}
        </p>
      ) : null}
      {!online ? <p className="kg-muted kg-small">{t.offline}</p> : null}
      {prefs.error ? <Alert>{actionErrorMessage(prefs.error, common)}</Alert> : null}
    </Card>
  );
}

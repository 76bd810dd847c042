import { useOnline } from '@kigaligo/client';
import { useI18n } from '../i18n/i18n-context';

/** A pill in the header: always visible so people know whether what they see is live. */
export function ConnectivityBadge() {
  const online = useOnline();
  const { t } = useI18n();
  return (
    <span
      className={`kg-pill ${online ? 'kg-pill--online' : 'kg-pill--offline'}`}
      data-connectivity={online ? 'online' : 'offline'}
      role="status"
    >
      <span className="kg-pill-dot" aria-hidden="true" />
      {/* Short words fit a phone header; the banner below spells it out ("You're offline…"). */}
      <span aria-hidden="true">{online ? t('status.online') : t('status.offlineShort')}</span>
      <span className="kg-visually-hidden">{online ? t('status.online') : t('status.offline')}</span>
    </span>
  );
}

/** A strip under the header while offline, saying that what is shown comes from the device. */
export function OfflineBanner() {
  const online = useOnline();
  const { t } = useI18n();
  if (online) return null;
  return (
    <div className="kg-offline-banner" data-testid="offline-banner">
      {t('status.offlineHint')}
    </div>
  );
}

import { useI18n } from '../i18n/i18n-context';
import { Button } from './button';

/** Shown when a new service worker is waiting; reloading hands control to it (registerType: 'prompt'). */
export function UpdateBanner({ onReload }: { onReload: () => void }) {
  const { t } = useI18n();
  return (
    <div className="kg-update" role="status">
      <span>{t('update.ready')}</span>
      <Button variant="secondary" onClick={onReload}>
        {t('update.reload')}
      </Button>
    </div>
  );
}

/**
 * Reloads once the new worker takes control. workbox-window reloads by itself only when the page was already
 * controlled when it registered, so a first visit that later sees an update would otherwise keep the old code.
 */
export function reloadOnControllerChange(): void {
  let reloading = false;
  navigator.serviceWorker?.addEventListener('controllerchange', () => {
    if (reloading) return;
    reloading = true;
    window.location.reload();
  });
}

import { useRiderLiveText } from './live-text';
import { liveHref } from './use-live-route';

/** A floating shortcut to the live map from the home screen. */
export function LiveLink() {
  const t = useRiderLiveText();
  return (
    <a className="kg-live-fab" href={liveHref}>
      <span className="kg-live-fab-dot" aria-hidden="true" />
      {t('open')}
    </a>
  );
}

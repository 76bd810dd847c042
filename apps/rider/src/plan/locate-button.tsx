import { useState } from 'react';
import { usePlanI18n } from './use-plan-i18n';

/**
 * "My location" from the phone's GPS. The position stays on the device: it goes to the planner worker only,
 * never to the server or a log (Law 058/2021 treats location as personal data).
 */
export function LocateButton({ onLocated }: { onLocated(p: { lat: number; lon: number }): void }) {
  const { t } = usePlanI18n();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  if (!('geolocation' in navigator)) return null;
  return (
    <button
      type="button"
      className={`kg-icon-button kg-locate${state === 'failed' ? ' kg-locate--failed' : ''}`}
      aria-label={
        state === 'busy'
          ? t('plan.locating')
          : state === 'failed'
            ? t('plan.locationFailed')
            : t('plan.myLocation')
      }
      title={state === 'failed' ? t('plan.locationFailed') : t('plan.myLocation')}
      aria-busy={state === 'busy'}
      onClick={() => {
        setState('busy');
        navigator.geolocation.getCurrentPosition(
          (pos) => {
            setState('idle');
            onLocated({ lat: pos.coords.latitude, lon: pos.coords.longitude });
          },
          () => setState('failed'),
          { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
        );
      }}
    >
      <svg
        width="20"
        height="20"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        aria-hidden="true"
      >
        <circle cx="12" cy="12" r="4" />
        <path d="M12 2v3M12 19v3M2 12h3M19 12h3" strokeLinecap="round" />
      </svg>
    </button>
  );
}

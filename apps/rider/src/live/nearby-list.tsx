import type { LiveVehicle } from '@kigaligo/domain';
import { Card, kigaliClock, useLiveText, vehicleName } from '@kigaligo/ui';
import { useRiderLiveText } from './live-text';

/** The vehicles in view as text: readable without the map (no WebGL, screen readers). */
export function NearbyList({ vehicles }: { vehicles: LiveVehicle[] }) {
  const t = useRiderLiveText();
  const live = useLiveText();
  // The same vehicles as the map: one without a recent position is listed too, and says so.
  return (
    <Card title={t('count', { count: vehicles.length })}>
      {vehicles.length === 0 ? (
        <p className="kg-muted">{t('none')}</p>
      ) : (
        <ul className="kg-live-list">
          {vehicles.map((v) => (
            <li
              key={v.vehicleId}
              data-testid="nearby-vehicle"
              data-plate={v.plate ?? undefined}
              data-precision={v.precision}
              data-stale={v.stale}
            >
              <strong>{vehicleName(v, live.t)}</strong>
              {v.plate === null ? null : ` · ${live.t(`live.kind.${v.kind}`)}`}
              <span className="kg-muted">
                {' · '}
                {v.stale ? `${live.t('live.stale')} · ` : ''}
                {kigaliClock(v.recordedAt, live.lang)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

import type { VehicleSelection } from './live-map';
import { kigaliClock, useLiveText, vehicleName } from './live-messages';

/** What a tap on a vehicle shows: plate, kind, line, speed and how fresh the position is. */
export function VehicleDetails({ selection, onClose }: { selection: VehicleSelection; onClose(): void }) {
  const { t, lang } = useLiveText();
  const { vehicle: v, routes } = selection;
  return (
    <section className="kg-live-details" aria-live="polite" data-testid="vehicle-details">
      <div className="kg-live-details-head">
        <strong className="kg-live-plate">{vehicleName(v, t)}</strong>
        {v.plate === null ? null : <span className="kg-muted">{t(`live.kind.${v.kind}`)}</span>}
        <span className={v.stale ? 'kg-live-badge kg-live-badge--stale' : 'kg-live-badge'}>
          {v.stale ? t('live.stale') : t('live.moving')}
        </span>
        <button type="button" className="kg-live-close" onClick={onClose} aria-label={t('live.close')}>
          ×
        </button>
      </div>
      {v.precision === 'coarse' ? <p className="kg-muted kg-small">{t('live.approximate')}</p> : null}
      <p>{routes.length ? t('live.routes', { routes: routes.join(', ') }) : t('live.noRoute')}</p>
      <p className="kg-muted">
        {typeof v.speed === 'number' ? `${t('live.speed', { speed: Math.round(v.speed * 3.6) })} · ` : ''}
        {t('live.seen', { time: kigaliClock(v.recordedAt, lang) })}
      </p>
    </section>
  );
}

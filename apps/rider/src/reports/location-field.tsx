import { Button, PointsMap } from '@kigaligo/ui';
import { useState } from 'react';
import { useReportI18n } from './report-messages';

type Point = { lat: number; lon: number };

/**
 * Where it happened: the phone's position or a tap on the offline map. The place goes into the report only
 * (admins and, for critical reports, the authorities need it), never into a log (Law 058/2021).
 */
export function LocationField({
  value,
  onChange,
}: {
  value: Point | undefined;
  onChange(p: Point | undefined): void;
}) {
  const { t } = useReportI18n();
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle');
  const [showMap, setShowMap] = useState(false);
  const locate = () => {
    setLocating('busy');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating('idle');
        onChange({ lat: round(pos.coords.latitude), lon: round(pos.coords.longitude) });
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };
  return (
    <fieldset className="kg-field kg-report-where">
      <legend className="kg-field-label">
        {t('form.where')} <span className="kg-field-optional">({t('auth.optional')})</span>
      </legend>
      <p className="kg-field-hint" data-testid="report-place">
        {value
          ? t('form.placeSet', { lat: value.lat.toFixed(5), lon: value.lon.toFixed(5) })
          : t('form.noPlace')}
      </p>
      <div className="kg-report-row">
        {'geolocation' in navigator ? (
          <Button variant="secondary" busy={locating === 'busy'} onClick={locate}>
            {locating === 'busy' ? t('form.locating') : t('form.useLocation')}
          </Button>
        ) : null}
        <Button variant="secondary" aria-expanded={showMap} onClick={() => setShowMap((s) => !s)}>
          {showMap ? t('form.hideMap') : t('form.pickOnMap')}
        </Button>
        {value ? (
          <Button variant="ghost" onClick={() => onChange(undefined)}>
            {t('form.clearPlace')}
          </Button>
        ) : null}
      </div>
      {locating === 'failed' ? <p className="kg-field-error">{t('form.locationFailed')}</p> : null}
      {showMap ? (
        <>
          <p className="kg-field-hint">{t('form.pickHint')}</p>
          <PointsMap
            base={import.meta.env.BASE_URL}
            className="kg-report-map"
            label={t('form.map')}
            unavailable={t('form.mapUnavailable')}
            points={value ? [{ id: 'picked', ...value, label: t('form.where'), tone: 'picked' }] : []}
            onPick={(p) => onChange({ lat: round(p.lat), lon: round(p.lon) })}
          />
        </>
      ) : null}
    </fieldset>
  );
}

/** Five decimals (about a metre) is as precise as a report needs; more only says more about the phone. */
const round = (x: number) => Math.round(x * 1e5) / 1e5;

import type { TrackingSnapshot, VehicleTracker } from '@kigaligo/client';
import type { Vehicle } from '@kigaligo/domain';
import { Alert, Button, Card, formatDate } from '@kigaligo/ui';
import { useState } from 'react';
import { useDriverI18n } from '../messages';
import { TrackingStats } from './tracking-stats';
import { useSimRoutes } from './use-sim-routes';

const intervals = [1, 5, 15, 30];

interface Props {
  vehicle: Vehicle | null;
  tracker: VehicleTracker | null;
  status: TrackingSnapshot;
}

/** Choose GPS or a simulated drive, start and stop sharing, and see what is waiting on the phone. */
export function TrackingCard({ vehicle, tracker, status }: Props) {
  const { t, lang } = useDriverI18n();
  const routes = useSimRoutes(t('tracking.demoRoute'));
  const [source, setSource] = useState<'gps' | 'simulate'>('gps');
  const [routeIndex, setRouteIndex] = useState(0);
  const [seconds, setSeconds] = useState(5);
  const recording = status.recording !== null;

  const start = () => {
    if (!tracker || !vehicle) return;
    const intervalMs = seconds * 1000;
    void tracker.start(
      vehicle.id,
      source === 'gps'
        ? { kind: 'gps', intervalMs }
        : { kind: 'simulate', intervalMs, stops: routes[routeIndex]?.stops ?? [] },
    );
  };

  return (
    <Card title={t('tracking.title')}>
      <p className="kg-muted kg-tracking-hint">{vehicle ? t('tracking.hint') : t('tracking.needShift')}</p>
      <div className="kg-tracking-form">
        <label className="kg-field">
          <span className="kg-field-label">{t('tracking.source')}</span>
          <select
            className="kg-input"
            value={source}
            disabled={recording}
            onChange={(e) => setSource(e.target.value as 'gps' | 'simulate')}
          >
            <option value="gps">{t('tracking.gps')}</option>
            <option value="simulate">{t('tracking.simulate')}</option>
          </select>
        </label>
        {source === 'simulate' ? (
          <label className="kg-field">
            <span className="kg-field-label">{t('tracking.route')}</span>
            <select
              className="kg-input"
              value={routeIndex}
              disabled={recording}
              onChange={(e) => setRouteIndex(Number(e.target.value))}
            >
              {routes.map((r, i) => (
                <option key={r.name} value={i}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label className="kg-field">
          <span className="kg-field-label">{t('tracking.interval')}</span>
          <select
            className="kg-input"
            value={seconds}
            disabled={recording}
            onChange={(e) => setSeconds(Number(e.target.value))}
          >
            {intervals.map((n) => (
              <option key={n} value={n}>
                {t('tracking.seconds', { n })}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p
        className="kg-tracking-state"
        data-testid="tracking-state"
        data-recording={status.recording ?? 'off'}
      >
        {recording
          ? t('tracking.recording', {
              source: status.recording === 'gps' ? t('tracking.gps') : t('tracking.simulate'),
            })
          : t('tracking.stopped')}
      </p>
      {status.recordError ? (
        <Alert>{t('tracking.recordError', { message: status.recordError })}</Alert>
      ) : null}
      {status.problem && status.waiting > 0 ? (
        <Alert tone="info">{t(`tracking.problem.${status.problem}`)}</Alert>
      ) : null}
      <TrackingStats
        status={status}
        lastUpload={status.lastUploadAt ? formatTime(status.lastUploadAt, lang) : t('tracking.never')}
      />
      <Button
        block
        className="kg-shift-toggle"
        variant={recording ? 'secondary' : 'primary'}
        disabled={!vehicle || !tracker}
        onClick={() => (recording ? tracker?.stop() : start())}
      >
        {recording ? t('tracking.stop') : t('tracking.start')}
      </Button>
    </Card>
  );
}

function formatTime(at: number, lang: string): string {
  const iso = new Date(at).toISOString();
  const time = new Intl.DateTimeFormat(lang === 'rw' ? 'rw-RW' : 'en-GB', {
    timeStyle: 'medium',
    timeZone: 'Africa/Kigali',
  }).format(at);
  return `${time}, ${formatDate(iso, lang === 'rw' ? 'rw' : 'en')}`;
}

import type { TrackingSnapshot, VehicleTracker } from '@kigaligo/client';
import { Alert, Button, Card } from '@kigaligo/ui';
import { useState } from 'react';
import { useDriverI18n } from '../messages';
import type { useVehicleShift } from './use-vehicle-shift';

interface Props {
  shift: ReturnType<typeof useVehicleShift>;
  tracker: VehicleTracker | null;
  status: TrackingSnapshot;
}

/** Start a shift on a vehicle (the assigned one first) and end it; the server decides who drives what. */
export function VehicleCard({ shift, tracker, status }: Props) {
  const { t } = useDriverI18n();
  const [picked, setPicked] = useState('');
  const { vehicle, choices, busy, error } = shift;
  const chosen = picked || choices[0]?.id || '';

  const end = async () => {
    // Stop logging, then try to upload what is waiting while the shift still allows posting for it.
    tracker?.stop();
    await tracker?.flush();
    await shift.end();
  };

  return (
    <Card title={t('vehicle.title')}>
      {vehicle ? (
        <div
          className="kg-shift"
          data-shift="available"
          data-testid="vehicle-shift"
          data-status={vehicle.status}
        >
          <span className="kg-shift-dot" aria-hidden="true" />
          <div>
            <p className="kg-shift-status">{t('vehicle.onShift', { plate: vehicle.plate })}</p>
            <p className="kg-muted">
              {t(`vehicle.kind.${vehicle.kind}`)} · {t(`vehicle.status.${vehicle.status}`)}
            </p>
          </div>
        </div>
      ) : choices.length ? (
        <div className="kg-field">
          <label className="kg-field-label" htmlFor="kg-vehicle-pick">
            {t('vehicle.pick')}
          </label>
          <select
            id="kg-vehicle-pick"
            className="kg-input"
            value={chosen}
            onChange={(e) => setPicked(e.target.value)}
          >
            {choices.map((v) => (
              <option key={v.id} value={v.id}>
                {v.plate} · {t(`vehicle.kind.${v.kind}`)} · {v.operator}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <p className="kg-muted">{shift.loading ? '…' : t('vehicle.none')}</p>
      )}
      {error === 'taken' ? <Alert>{t('vehicle.taken')}</Alert> : null}
      {error === 'offline' ? <Alert tone="info">{t('vehicle.offline')}</Alert> : null}
      {vehicle && status.waiting > 0 && !status.recording ? (
        <p className="kg-muted kg-small">{t('vehicle.endWaiting', { count: status.waiting })}</p>
      ) : null}
      {vehicle ? (
        <Button block variant="secondary" className="kg-shift-toggle" busy={busy} onClick={() => void end()}>
          {t('vehicle.end')}
        </Button>
      ) : (
        <Button
          block
          className="kg-shift-toggle"
          busy={busy}
          disabled={!chosen}
          onClick={() => void shift.start(chosen)}
        >
          {t('vehicle.start')}
        </Button>
      )}
    </Card>
  );
}

import type { TrackingSnapshot, VehicleTracker } from '@kigaligo/client';
import { Alert, Button, Card } from '@kigaligo/ui';
import { useEffect, useState } from 'react';
import { useDriverI18n } from '../messages';
import type { useVehicleShift } from './use-vehicle-shift';

interface Props {
  shift: ReturnType<typeof useVehicleShift>;
  tracker: VehicleTracker | null;
  status: TrackingSnapshot;
}

/**
 * Start a shift on a vehicle (the assigned one first) and end it; the server decides who drives what. Ending
 * with positions still on the phone says how many and offers to keep the app open until they are sent; ending
 * anyway is safe (they are sent later and still count for the shift).
 */
export function VehicleCard({ shift, tracker, status }: Props) {
  const { t } = useDriverI18n();
  const [picked, setPicked] = useState('');
  const [step, setStep] = useState<'idle' | 'confirm' | 'draining'>('idle');
  const { vehicle, choices, busy, error } = shift;
  const chosen = picked || choices[0]?.id || '';

  const endNow = async () => {
    setStep('idle');
    // Stop logging, then try once to upload what is waiting (it is accepted later too).
    tracker?.stop();
    await tracker?.flush();
    await shift.end();
  };
  const askToEnd = () => {
    if (status.waiting > 0) setStep('confirm');
    else void endNow();
  };
  const drain = () => {
    tracker?.stop();
    setStep('draining');
    tracker?.uploader.kick(true);
  };
  // Draining: the shift ends once the last waiting position is sent.
  // biome-ignore lint/correctness/useExhaustiveDependencies: endNow reads the latest shift and tracker
  useEffect(() => {
    if (step === 'draining' && status.ready && status.waiting === 0) void endNow();
  }, [step, status.ready, status.waiting]);

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
      {shift.endQueued ? <Alert tone="info">{t('vehicle.endQueued')}</Alert> : null}
      {status.waiting > 0 && !status.recording && step === 'idle' ? (
        <p className="kg-muted kg-small" data-testid="end-waiting" data-count={status.waiting}>
          {t('vehicle.endWaiting', { count: status.waiting })}
        </p>
      ) : null}
      {vehicle && step === 'confirm' ? (
        <div className="kg-shift-confirm" data-testid="end-confirm" data-count={status.waiting}>
          <Alert tone="info">{t('vehicle.endConfirm', { count: status.waiting })}</Alert>
          <Button block className="kg-shift-toggle" onClick={drain}>
            {t('vehicle.drainFirst')}
          </Button>
          <Button block variant="secondary" busy={busy} onClick={() => void endNow()}>
            {t('vehicle.endAnyway')}
          </Button>
        </div>
      ) : null}
      {vehicle && step === 'draining' ? (
        <div className="kg-shift-confirm" data-testid="end-draining" data-count={status.waiting}>
          <Alert tone="info">{t('vehicle.draining', { count: status.waiting })}</Alert>
          <Button block variant="secondary" busy={busy} onClick={() => void endNow()}>
            {t('vehicle.endAnyway')}
          </Button>
        </div>
      ) : null}
      {vehicle && step === 'idle' ? (
        <Button block variant="secondary" className="kg-shift-toggle" busy={busy} onClick={askToEnd}>
          {t('vehicle.end')}
        </Button>
      ) : vehicle ? null : (
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

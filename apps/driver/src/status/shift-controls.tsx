import type { TrackingSnapshot, VehicleTracker } from '@kigaligo/client';
import { Alert, Button } from '@kigaligo/ui';
import { useEffect, useState } from 'react';
import { useDriverI18n } from '../messages';
import { RoutePicker } from '../route/route-picker';
import type { useVehicleShift } from './use-vehicle-shift';

interface Props {
  shift: ReturnType<typeof useVehicleShift>;
  tracker: VehicleTracker | null;
  status: TrackingSnapshot;
  /** The shift started: the driver takes rides from now on. */
  onStarted(): void;
}

/**
 * Off shift: pick the vehicle (the assigned one first) and start; the server decides who drives what. On
 * shift: end it. Ending with positions still on the phone says how many and offers to keep the app open
 * until they are sent; ending anyway is safe (they are sent later and still count for the shift).
 */
export function ShiftControls({ shift, tracker, status, onStarted }: Props) {
  const { t } = useDriverI18n();
  const [picked, setPicked] = useState('');
  const [step, setStep] = useState<'idle' | 'confirm' | 'draining'>('idle');
  const { vehicle, choices, busy, error } = shift;
  const chosen = picked || choices[0]?.id || '';

  const start = async () => {
    if (await shift.start(chosen)) onStarted();
  };
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
    <>
      {vehicle ? null : choices.length ? (
        <div className="kg-field kg-shift-pick">
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
        <p className="kg-muted kg-shift-pick">{shift.loading ? '…' : t('vehicle.none')}</p>
      )}
      {vehicle?.kind === 'bus' && step === 'idle' ? (
        <RoutePicker trip={shift.trip} reloadShift={shift.reload} />
      ) : null}
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
        <Button block className="kg-shift-toggle" busy={busy} disabled={!chosen} onClick={() => void start()}>
          {t('vehicle.start')}
        </Button>
      )}
    </>
  );
}

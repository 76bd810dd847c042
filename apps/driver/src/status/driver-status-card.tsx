import type { TrackingSnapshot, VehicleTracker } from '@kigaligo/client';
import type { DriverAssignment, Place } from '@kigaligo/domain';
import { Button, Card, SyncStatus } from '@kigaligo/ui';
import { useDriverI18n } from '../messages';
import { OfferAlert } from './offer-alert';
import { ShiftControls } from './shift-controls';
import { statusView } from './status-view';
import type { useRideAvailability } from './use-ride-availability';
import type { useVehicleShift } from './use-vehicle-shift';

interface Props {
  shift: ReturnType<typeof useVehicleShift>;
  availability: ReturnType<typeof useRideAvailability>;
  assignments: readonly DriverAssignment[];
  tracker: VehicleTracker | null;
  tracking: TrackingSnapshot;
}

const placeName = (p: Place) => p.label ?? `${p.lat.toFixed(4)}, ${p.lon.toFixed(4)}`;

/**
 * The driver's one status (domain `driverStatus`): off duty, available, an offer waiting (with its countdown,
 * a vibration and a beep), going to the pickup, at the pickup, on a trip — from the vehicle shift, the
 * "taking rides" switch and the ride in hand. Big and glanceable for a phone on a dashboard; the shift and
 * the switch are controlled here too.
 */
export function DriverStatusCard({ shift, availability, assignments, tracker, tracking }: Props) {
  const { t } = useDriverI18n();
  const vehicle = shift.vehicle;
  const { status, paused, ride, offer } = statusView(vehicle !== null, availability.taking, assignments);
  const hint = (() => {
    if (status === 'off_duty') return paused ? t('status.hint.paused') : t('status.hint.offShift');
    if (status === 'available') return t('status.hint.available');
    if (!ride || status === 'offer_waiting') return null;
    // The ride in hand: where the driver heads now and whom they carry.
    const place = placeName(status === 'on_trip' ? ride.destination : ride.origin);
    return t(`status.hint.${status}`, { rider: ride.riderName, place });
  })();

  return (
    <Card title={t('status.title')}>
      <div
        className="kg-shift"
        data-testid="driver-status"
        data-status={status}
        data-shift={status === 'off_duty' ? 'off-duty' : 'available'}
      >
        <span className="kg-shift-dot" aria-hidden="true" />
        <div>
          <p className="kg-shift-status" aria-live="polite">
            {t(`status.${status}`)}
          </p>
          {vehicle ? (
            <p className="kg-shift-vehicle" data-testid="vehicle-shift">
              {t('vehicle.onShift', { plate: vehicle.plate })} · {t(`vehicle.kind.${vehicle.kind}`)}
            </p>
          ) : null}
          {hint ? <p className="kg-muted">{hint}</p> : null}
          {offer?.offerExpiresAt ? (
            <OfferAlert tripId={offer.tripId} expiresAt={offer.offerExpiresAt} />
          ) : null}
        </div>
      </div>
      {vehicle && !shift.endQueued ? (
        <Button
          block
          className="kg-shift-toggle"
          variant={availability.taking ? 'secondary' : 'primary'}
          disabled={!availability.ready}
          onClick={() => availability.set(!availability.taking)}
        >
          {availability.taking ? t('status.pause') : t('status.resume')}
        </Button>
      ) : null}
      <ShiftControls
        shift={shift}
        tracker={tracker}
        status={tracking}
        onStarted={() => availability.set(true)}
      />
      <SyncStatus className="kg-shift-sync" />
    </Card>
  );
}

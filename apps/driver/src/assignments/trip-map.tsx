import { useLiveVehicles } from '@kigaligo/client';
import type { DriverAssignment } from '@kigaligo/domain';
import { LiveMap, type MapPin, useLiveText } from '@kigaligo/ui';
import { useMemo } from 'react';
import { useDriverI18n } from '../messages';

interface Props {
  assignment: Pick<DriverAssignment, 'origin' | 'destination'>;
  /** The vehicle of the driver's shift: their own position on the map (exact, from the live feed). */
  vehicleId: string | null;
}

/**
 * The ride in hand on a map: the driver's vehicle, the pickup and the destination. Loaded with import() from
 * the ride card only while a ride is accepted, and left out of the precache (vite.config.ts), so MapLibre
 * never weighs on the driver app's offline cache; offline the card says the map needs the network.
 */
export default function TripMap({ assignment, vehicleId }: Props) {
  const { t } = useDriverI18n();
  const live = useLiveText();
  const { vehicles } = useLiveVehicles();
  const mine = useMemo(() => vehicles.filter((v) => v.vehicleId === vehicleId), [vehicles, vehicleId]);
  const { origin, destination } = assignment;
  const pins = useMemo<MapPin[]>(
    () => [
      { ...origin, label: origin.label ?? t('rides.pickup'), kind: 'from' },
      { ...destination, label: destination.label ?? t('rides.destination'), kind: 'to' },
    ],
    [origin, destination, t],
  );
  return (
    <div className="kg-ride-map" data-testid="trip-map">
      <LiveMap
        base={import.meta.env.BASE_URL}
        vehicles={mine}
        pins={pins}
        label={t('rides.map')}
        unavailable={live.t('live.unavailable')}
      />
      {mine.length === 0 ? <p className="kg-muted kg-small">{t('rides.mapNoPosition')}</p> : null}
    </div>
  );
}

import type { BookingIntent, LiveVehicle } from '@kigaligo/domain';
import { LiveMap, type MapPin, useLiveText } from '@kigaligo/ui';
import { useMemo } from 'react';
import { useBookingI18n } from './booking-messages';

/** The rider's own vehicle moving on the live map, with the pickup and destination pinned. */
export function TripMap({ intent, vehicles: mine }: { intent: BookingIntent; vehicles: LiveVehicle[] }) {
  const { t } = useBookingI18n();
  const live = useLiveText();
  const pins = useMemo<MapPin[]>(
    () => [
      { ...intent.origin, label: intent.origin.label ?? t('book.pickup'), kind: 'from' },
      { ...intent.destination, label: intent.destination.label ?? t('book.destination'), kind: 'to' },
    ],
    [intent.origin, intent.destination, t],
  );
  return (
    <div className="kg-trip-map">
      <LiveMap
        base={import.meta.env.BASE_URL}
        vehicles={mine}
        pins={pins}
        label={t('trip.map')}
        unavailable={live.t('live.unavailable')}
      />
      {mine.length === 0 ? <p className="kg-muted kg-small">{t('trip.noPosition')}</p> : null}
    </div>
  );
}

import type { DriverAssignment } from '@kigaligo/domain';
import { lazy, Suspense } from 'react';
import { useDriverI18n } from '../messages';

function MapNeedsNetwork() {
  const { t } = useDriverI18n();
  return <p className="kg-muted kg-small">{t('rides.mapOffline')}</p>;
}

// Not precached: fetched the first time a ride is accepted. Offline before that, the card says so instead of
// failing the whole page.
const TripMap = lazy(() => import('./trip-map').catch(() => ({ default: MapNeedsNetwork })));

/** Where the ride's map goes: loaded only for a ride in hand. */
export function TripMapSlot(props: {
  assignment: Pick<DriverAssignment, 'origin' | 'destination'>;
  vehicleId: string | null;
}) {
  return (
    <Suspense fallback={null}>
      <TripMap {...props} />
    </Suspense>
  );
}

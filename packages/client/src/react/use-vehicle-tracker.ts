import { useEffect, useState, useSyncExternalStore } from 'react';
import { type TrackingSnapshot, VehicleTracker } from '../tracking/vehicle-tracker';
import { useClient } from './client-context';
import { useSession } from './use-session';

const idle: TrackingSnapshot = {
  waiting: 0,
  rejected: 0,
  reasons: [],
  lastUploadAt: null,
  recording: null,
  vehicleId: null,
  problem: null,
  recordError: null,
  ready: false,
};
const noop = () => () => {};

/**
 * The signed-in driver's position logger for as long as the component is mounted (mount it once, high
 * in the driver app: unmounting stops recording, though waiting fixes stay on the device).
 */
export function useVehicleTracker(): { tracker: VehicleTracker | null; status: TrackingSnapshot } {
  const { api, connectivity } = useClient();
  const userId = useSession()?.user.id ?? null;
  const [tracker, setTracker] = useState<VehicleTracker | null>(null);
  useEffect(() => {
    if (!userId) return;
    const next = new VehicleTracker({ userId, api, connectivity });
    setTracker(next);
    return () => {
      next.destroy();
      setTracker(null);
    };
  }, [api, connectivity, userId]);
  const status = useSyncExternalStore(tracker?.subscribe ?? noop, tracker?.getSnapshot ?? (() => idle));
  return { tracker, status };
}

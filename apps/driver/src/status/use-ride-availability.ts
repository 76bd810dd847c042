import { driverDocKeys, useDriverDoc, useYMap } from '@kigaligo/client';
import { type RideAvailability, rideAvailability } from '@kigaligo/domain';
import { useCallback } from 'react';

/**
 * The driver's "taking rides" switch during a shift, in `driver:<id>` (domain `rideAvailability`): it works
 * offline and reaches the driver's other devices and the server, which offers a paused shift no rides. Never
 * switched means taking rides, as the server reads it.
 */
export function useRideAvailability() {
  const doc = useDriverDoc();
  const { value, update } = useYMap<RideAvailability>(doc, driverDocKeys.shift);
  const parsed = rideAvailability.safeParse(value);
  const taking = !parsed.success || parsed.data.status === 'available';
  const set = useCallback(
    (on: boolean) => update({ status: on ? 'available' : 'off_duty', changedAt: new Date().toISOString() }),
    [update],
  );
  return { taking, changedAt: parsed.success ? parsed.data.changedAt : null, set, ready: doc !== null };
}

import { useVehicleTracker } from '@kigaligo/client';
import { useEffect } from 'react';
import { TrackingCard } from './tracking-card';
import { useVehicleShift } from './use-vehicle-shift';
import { VehicleCard } from './vehicle-card';

/** The shift on a vehicle and position sharing: one tracker (and outbox) for both cards. */
export function DriverTracking() {
  const shift = useVehicleShift();
  const { tracker, status } = useVehicleTracker();
  const vehicleId = shift.vehicle?.id;

  // A reload (app update, crash, the OS killing the tab) must not silently stop sharing mid-shift.
  useEffect(() => {
    const saved = tracker?.resumable();
    if (!tracker || !saved || saved.vehicleId !== vehicleId || tracker.getSnapshot().recording) return;
    void tracker.start(saved.vehicleId, saved.source);
  }, [tracker, vehicleId]);

  return (
    <>
      <VehicleCard shift={shift} tracker={tracker} status={status} />
      <TrackingCard vehicle={shift.vehicle} tracker={tracker} status={status} />
    </>
  );
}

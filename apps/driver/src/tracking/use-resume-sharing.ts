import type { VehicleTracker } from '@kigaligo/client';
import { useEffect } from 'react';

/** A reload (app update, crash, the OS killing the tab) must not silently stop sharing mid-shift. */
export function useResumeSharing(tracker: VehicleTracker | null, vehicleId: string | undefined) {
  useEffect(() => {
    const saved = tracker?.resumable();
    if (!tracker || !saved || saved.vehicleId !== vehicleId || tracker.getSnapshot().recording) return;
    void tracker.start(saved.vehicleId, saved.source);
  }, [tracker, vehicleId]);
}

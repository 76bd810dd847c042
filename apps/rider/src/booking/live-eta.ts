import type { BookingIntent, LiveVehicle, TripStatus } from '@kigaligo/domain';
import { roadDriveSeconds } from '@kigaligo/planner';

/**
 * Minutes until the rider's vehicle reaches where it is heading now — the pickup while the driver comes, the
 * destination once on the way — from its latest live position, or null when there is none to trust (not yet
 * visible, stale, or only coarse). Recomputed at each position, so the figure moves with the vehicle; dispatch
 * quotes the same road timing (planner `road-eta.ts`). Never below a minute until the driver says they arrived.
 */
export function liveEtaMinutes(
  status: TripStatus,
  intent: Pick<BookingIntent, 'origin' | 'destination'>,
  vehicle: LiveVehicle | undefined,
): number | null {
  const target = status === 'accepted' ? intent.origin : status === 'in_progress' ? intent.destination : null;
  if (!target || !vehicle || vehicle.stale || vehicle.precision !== 'exact') return null;
  return Math.max(1, Math.ceil(roadDriveSeconds(vehicle, target) / 60));
}

import type { LatLon } from '@kigaligo/domain';
import { DEFAULT_OPTIONS, motoRide } from '@kigaligo/planner';

/**
 * Seconds for a vehicle at `from` to reach the pickup: the planner's moto timing (street distance as the
 * straight line times its detour factor, at 20 km/h, plus its pickup allowance, which here covers the driver
 * seeing and accepting the job). We have no separate figure for cars in traffic. Dispatch ranks candidates
 * by this figure, not by the straight line.
 */
export function pickupEtaSeconds(from: LatLon, pickup: LatLon): number {
  return motoRide(from, pickup, DEFAULT_OPTIONS.detour).secs;
}

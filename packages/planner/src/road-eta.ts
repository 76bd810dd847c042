import type { LatLon } from './geo';
import { MOTO, motoRide, motoRideOver } from './moto';
import { DEFAULT_OPTIONS } from './network';

/**
 * Seconds for a moto or car at `from` to reach `to` by road once under way: the planner's moto timing (street
 * distance as the straight line times its detour factor, at 20 km/h). We have no separate figure for cars in
 * traffic. The rider's app counts the driver's arrival down with it from each live position.
 */
export function roadDriveSeconds(from: LatLon, to: LatLon): number {
  return Math.ceil(motoRide(from, to, DEFAULT_OPTIONS.detour).meters / MOTO.speedMps);
}

/**
 * Seconds for a vehicle asked now to reach `to`: the drive plus the planner's pickup allowance, which here
 * covers the driver seeing and accepting the job. Dispatch ranks candidates by it and quotes it to the rider
 * until the driver accepts.
 */
export function roadEtaSeconds(from: LatLon, to: LatLon): number {
  return motoRide(from, to, DEFAULT_OPTIONS.detour).secs;
}

/** roadEtaSeconds for a vehicle a known straight-line distance (m) away: dispatch measures it for its radius. */
export function roadEtaSecondsOver(straightMeters: number): number {
  return motoRideOver(straightMeters, DEFAULT_OPTIONS.detour).secs;
}

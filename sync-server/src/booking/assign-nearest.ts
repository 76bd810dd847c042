import type { LatLon } from '@kigaligo/domain';
import { haversine, roadEtaSecondsOver } from '@kigaligo/planner';
import { type FreeVehicle, SEARCH_RADIUS_METERS } from './find-vehicles';

export interface Assignment extends FreeVehicle {
  /** Road ETA to the pickup (planner road-eta.ts): what dispatch ranks by and quotes to the rider. */
  etaSecs: number;
}

/** Vehicles and drivers out of play: assigned earlier in the batch, or found locked by another booking. */
export interface Taken {
  vehicles: Set<string>;
  drivers: Set<string>;
}

/**
 * Nearest-first assignment for a batch of pickups, in the order the riders asked (first come, first served):
 * each takes, among the free vehicles within the search radius that nobody before it took, the one that
 * reaches it soonest by road (ties by vehicle id, as dispatch-offers.ts ranks). `taken` grows with every
 * choice. A pickup with nothing left gets undefined.
 */
export function assignNearest(
  pickups: readonly LatLon[],
  free: readonly FreeVehicle[],
  taken: Taken,
): (Assignment | undefined)[] {
  return pickups.map((pickup) => {
    let best: FreeVehicle | undefined;
    let bestEta = Number.POSITIVE_INFINITY;
    for (const v of free) {
      if (taken.vehicles.has(v.vehicleId) || taken.drivers.has(v.driverId)) continue;
      const meters = haversine(pickup.lat, pickup.lon, v.lat, v.lon);
      if (meters > SEARCH_RADIUS_METERS) continue;
      // Measured once for the radius and the ETA: a batch compares every pickup with every free vehicle.
      const eta = roadEtaSecondsOver(meters);
      if (eta < bestEta || (eta === bestEta && v.vehicleId.localeCompare(best!.vehicleId) < 0)) {
        best = v;
        bestEta = eta;
      }
    }
    if (!best) return undefined;
    taken.vehicles.add(best.vehicleId);
    taken.drivers.add(best.driverId);
    return { ...best, etaSecs: bestEta };
  });
}

import { haversine, type LatLon } from './geo';

/**
 * Moto-taxi timing. No source gives moto speeds in Kigali: these are our assumptions, kept here in one place.
 * Motos thread through traffic, so a door-to-door average of 20 km/h over the detoured distance is used, plus
 * a few minutes to find or call a moto (they wait at nearly every junction).
 */
export const MOTO = { speedMps: 20 / 3.6, pickupSecs: 180, maxMeters: 40_000 };

/** Street distance (m) and duration (s) of a moto ride between two points. */
export function motoRide(a: LatLon, b: LatLon, detour: number): { meters: number; secs: number } {
  return motoRideOver(haversine(a.lat, a.lon, b.lat, b.lon), detour);
}

/** The same for a known straight-line distance (m), for callers that measured it already. */
export function motoRideOver(straightMeters: number, detour: number): { meters: number; secs: number } {
  const meters = Math.round(straightMeters * detour);
  return { meters, secs: Math.ceil(MOTO.pickupSecs + meters / MOTO.speedMps) };
}

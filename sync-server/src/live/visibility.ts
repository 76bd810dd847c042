import { createHmac, randomBytes } from 'node:crypto';
import { COARSE_GRID_DEGREES, type LiveVehicle, type Role, type TrackedVehicle } from '@kigaligo/domain';

/**
 * Who sees which vehicle — the one policy of the /live socket and GTFS-Realtime (docs/architecture.md,
 * "Who sees which vehicle"). Location is personal data (Law 058/2021): a moto or car is someone's own vehicle
 * and workplace, a bus is public transport.
 *
 * - Off-shift vehicles: admins only.
 * - Buses on shift: everyone, exact, with their plate (anonymous callers of the GTFS-RT feed too).
 * - The vehicle of the viewer's own live trip (accepted by its driver, not yet finished) and, for a driver,
 *   the vehicle they are on shift with: exact, with its plate.
 * - Other motos and cars on shift: signed-in users see them anonymously (a pseudonym for this viewer's
 *   connection, no plate, a grid position, the minute); anonymous callers not at all.
 * - Admins: everything, exact.
 */

/** Who is looking: a signed-in user, or an anonymous caller (the public GTFS-RT feed). */
export type Viewer = { role: Role; userId: string } | { role: 'anonymous' };

/** What the policy needs to know beyond the positions, kept fresh by the live hub (live-roster.ts). */
export interface Roster {
  /** Vehicles on shift (status available or on_trip) → the driver on shift with each. */
  onShift: ReadonlyMap<string, string | null>;
  /** Rider → the vehicles of their live trips (accepted, driver arrived, in progress). */
  riding: ReadonlyMap<string, ReadonlySet<string>>;
  /** Buses on shift → the scheduled trip each is running. */
  tracked: ReadonlyMap<string, TrackedTrip>;
}

/** A scheduled trip as GTFS-Realtime names it: trip_id, service date YYYYMMDD, first departure HH:MM:SS. */
export interface TrackedTrip {
  tripId: string;
  startDate: string;
  startTime: string;
}

export const emptyRoster: Roster = { onShift: new Map(), riding: new Map(), tracked: new Map() };

/** Pseudonyms for one viewer's connection (or one feed request): stable within it, unlinkable across. */
export function pseudonyms(): (vehicleId: string) => string {
  // As text: a Buffer of its own would hold ~200 bytes per connection for 16 bytes of salt.
  const salt = randomBytes(16).toString('base64url');
  return (vehicleId) =>
    `anon-${createHmac('sha256', salt).update(vehicleId).digest('base64url').slice(0, 16)}`;
}

const snap = (degrees: number) =>
  Math.round((Math.floor(degrees / COARSE_GRID_DEGREES) + 0.5) * COARSE_GRID_DEGREES * 1e6) / 1e6;

const toMinute = (iso: string) => new Date(Math.floor(Date.parse(iso) / 60_000) * 60_000).toISOString();

export function exactView(v: TrackedVehicle): LiveVehicle {
  return { ...v, precision: 'exact' };
}

/** Whether this viewer sees the vehicle exactly, anonymously, or not at all (null). */
export function visibility(v: TrackedVehicle, viewer: Viewer, roster: Roster): 'exact' | 'coarse' | null {
  if (viewer.role === 'admin') return 'exact';
  if (!roster.onShift.has(v.vehicleId)) return null;
  if (v.kind === 'bus') return 'exact';
  if (viewer.role === 'anonymous') return null;
  if (viewer.role === 'driver' && roster.onShift.get(v.vehicleId) === viewer.userId) return 'exact';
  if (roster.riding.get(viewer.userId)?.has(v.vehicleId)) return 'exact';
  return 'coarse';
}

/** Where an anonymous vehicle is shown: its grid cell's centre and the minute (what a coarse view reveals). */
export function coarsePosition(v: TrackedVehicle): { lat: number; lon: number; recordedAt: string } {
  return { lat: snap(v.lat), lon: snap(v.lon), recordedAt: toMinute(v.recordedAt) };
}

/** The vehicle as this viewer may see it, or null. `pseudonym` comes from `pseudonyms()` for the viewer. */
export function viewOf(
  v: TrackedVehicle,
  viewer: Viewer,
  roster: Roster,
  pseudonym: (vehicleId: string) => string,
): LiveVehicle | null {
  const level = visibility(v, viewer, roster);
  if (level === null) return null;
  if (level === 'exact') return exactView(v);
  return {
    vehicleId: pseudonym(v.vehicleId),
    kind: v.kind,
    plate: null,
    ...coarsePosition(v),
    stale: v.stale,
    precision: 'coarse',
  };
}

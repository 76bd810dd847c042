import { type BookableKind, DISPATCH_POSITION_FRESH_MS, type LatLon } from '@kigaligo/domain';
import { haversine } from '@kigaligo/planner';
import { and, between, eq, gte, isNotNull, isNull, notExists, notInArray, type SQL, sql } from 'drizzle-orm';
import { type Db, uuidArray } from '../db/client';
import { shifts, trips, users, vehicleLive, vehicles } from '../db/schema';

/**
 * How far a vehicle may be from the pickup to be sent: 6 km straight line is about 20 minutes for a moto at
 * the planner's 20 km/h with its detour factor. A rider waiting "now" is not helped by a farther one. Our
 * figure, not a regulation.
 */
export const SEARCH_RADIUS_METERS = 6000;

/**
 * Candidates read per offer: dispatch tries at most 25 (dispatch-offers.ts) after ranking by road ETA, which can
 * reorder the straight-line nearest; twice that leaves room for the reordering.
 */
const CANDIDATE_LIMIT = 50;

/** Only vehicles whose phone sent a position this recently are offered rides (domain dispatch.ts). */
export const POSITION_FRESH_MS = DISPATCH_POSITION_FRESH_MS;

export interface FreeVehicle {
  vehicleId: string;
  driverId: string;
  lat: number;
  lon: number;
}

export interface Candidate extends FreeVehicle {
  /** Straight-line distance to the pickup (haversine), metres. */
  meters: number;
}

// Degrees of latitude per metre; longitude degrees shrink with cos(latitude) (Kigali is ~2° S, so barely).
const DEG_PER_M = 1 / 111_320;

/**
 * Available vehicles of `kind` with a driver on shift and taking rides (not suspended, not busy with another
 * live trip on any vehicle) and a fresh live position within the radius of a pickup. Read without locks: the
 * caller locks the ones it chooses (SKIP LOCKED), so a busy booking never hides every vehicle from the others.
 * For one pickup, the nearest `CANDIDATE_LIMIT`; for several (a batch of bookings, book-intent.ts), every one
 * in the box around them all, read once for the batch: the batch assigns them among its riders.
 */
export async function freeVehiclesNear(
  tx: Db,
  kind: BookableKind,
  pickups: readonly LatLon[],
  now: Date,
  excludeDriverIds: string[] = [],
): Promise<FreeVehicle[]> {
  if (pickups.length === 0) return [];
  const dLat = SEARCH_RADIUS_METERS * DEG_PER_M;
  let [minLat, maxLat, minLon, maxLon] = [90, -90, 180, -180];
  let dLon = 0;
  for (const p of pickups) {
    minLat = Math.min(minLat, p.lat);
    maxLat = Math.max(maxLat, p.lat);
    minLon = Math.min(minLon, p.lon);
    maxLon = Math.max(maxLon, p.lon);
    dLon = Math.max(dLon, dLat / Math.cos((p.lat * Math.PI) / 180));
  }
  const query = tx
    .select({
      vehicleId: vehicles.id,
      driverId: vehicles.driverId,
      lat: vehicleLive.lat,
      lon: vehicleLive.lon,
    })
    .from(vehicles)
    .innerJoin(vehicleLive, eq(vehicleLive.vehicleId, vehicles.id))
    .innerJoin(users, eq(users.id, vehicles.driverId))
    .where(
      and(
        eq(vehicles.kind, kind),
        eq(vehicles.status, 'available'),
        isNotNull(vehicles.driverId),
        eq(users.suspended, false),
        gte(vehicleLive.recordedAt, new Date(now.getTime() - POSITION_FRESH_MS)),
        between(vehicleLive.lat, minLat - dLat, maxLat + dLat),
        between(vehicleLive.lon, minLon - dLon, maxLon + dLon),
        excludeDriverIds.length > 0 ? notInArray(vehicles.driverId, excludeDriverIds) : undefined,
        // "Stop taking rides" during the shift (tracking/shifts.ts applyRideAvailability).
        notExists(
          tx
            .select({ id: shifts.id })
            .from(shifts)
            .where(
              and(eq(shifts.driverId, vehicles.driverId), isNull(shifts.endedAt), eq(shifts.paused, true)),
            ),
        ),
        notExists(
          tx
            .select({ id: trips.id })
            .from(trips)
            .where(
              and(
                eq(trips.driverId, vehicles.driverId),
                sql`${trips.status} in ('assigned', 'accepted', 'driver_arrived', 'in_progress')`,
              ),
            ),
        ),
      ),
    );
  const one = pickups.length === 1 ? pickups[0]! : undefined;
  const rows = one
    ? // Nearest first on the flat-earth distance (exact enough over 6 km), and only as many as dispatch can use:
      // in a busy hour every vehicle in town is within the radius, and reading them all for every booking made
      // the server's time per booking grow with the fleet (pnpm bench booking).
      await query
        .orderBy(
          sql`power(${vehicleLive.lat} - ${one.lat}, 2) + power((${vehicleLive.lon} - ${one.lon}) * ${Math.cos((one.lat * Math.PI) / 180)}, 2)`,
        )
        .limit(CANDIDATE_LIMIT)
    : await query;
  return rows.map((r) => ({ ...r, driverId: r.driverId! }));
}

/** Free vehicles within the radius of `pickup`, nearest first (straight line). */
export async function nearbyCandidates(
  tx: Db,
  kind: BookableKind,
  pickup: LatLon,
  now: Date,
  excludeDriverIds: string[] = [],
): Promise<Candidate[]> {
  const rows = await freeVehiclesNear(tx, kind, [pickup], now, excludeDriverIds);
  return rows
    .map((r) => ({ ...r, meters: haversine(pickup.lat, pickup.lon, r.lat, r.lon) }))
    .filter((c) => c.meters <= SEARCH_RADIUS_METERS)
    .sort((a, b) => a.meters - b.meters || a.vehicleId.localeCompare(b.vehicleId));
}

/**
 * Locks those of `chosen` still available with the same driver, in one statement, and returns their ids.
 * SKIP LOCKED: a vehicle another booking is assigning right now is passed over instead of waited for, and the
 * status is re-checked under the lock, so a vehicle assigned and committed meanwhile is not taken twice.
 */
export async function lockAvailable(tx: Db, chosen: readonly FreeVehicle[]): Promise<Set<string>> {
  if (chosen.length === 0) return new Set();
  const rows = await tx
    .select({ id: vehicles.id })
    .from(vehicles)
    .where(stillAvailable(chosen))
    .for('update', { skipLocked: true });
  return new Set(rows.map((r) => r.id));
}

/**
 * Those of the vehicles still available with the same driver. The ids go as two uuid[] parameters, so the
 * statement text is the same whatever their number.
 */
function stillAvailable(pairs: readonly { vehicleId: string; driverId: string }[]): SQL | undefined {
  return and(
    eq(vehicles.status, 'available'),
    sql`(${vehicles.id}, ${vehicles.driverId}) in (select * from unnest(
      ${uuidArray(pairs.map((c) => c.vehicleId))}, ${uuidArray(pairs.map((c) => c.driverId))}))`,
  );
}

/**
 * Locks the first of `candidates` (in their order) that is still available with the same driver, in one
 * statement. SKIP LOCKED: a vehicle another booking is assigning right now is passed over instead of waited
 * for, and the status is re-checked under the lock, so a vehicle assigned and committed meanwhile is not taken
 * twice.
 */
export async function lockFirstAvailable<C extends Candidate>(
  tx: Db,
  candidates: readonly C[],
): Promise<C | undefined> {
  if (candidates.length === 0) return undefined;
  const [row] = await tx
    .select({ id: vehicles.id })
    .from(vehicles)
    .where(stillAvailable(candidates))
    .orderBy(sql`array_position(${uuidArray(candidates.map((c) => c.vehicleId))}, ${vehicles.id})`)
    .limit(1)
    .for('update', { skipLocked: true });
  return row && candidates.find((c) => c.vehicleId === row.id);
}

import type { Position, PositionBatchResult, ServiceArea, TrackedVehicle } from '@kigaligo/domain';
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db/client';
import { positions, vehicleLive, type vehicles } from '../db/schema';
import { type Checked, checkShapes, type Fix, rejectJumps } from './check-fixes';

// Stored fixes this far around a batch are the history jumps are checked against (a fix's neighbours in
// time; two minutes covers the gaps a phone leaves between fixes while moving).
const HISTORY_MARGIN_MS = 2 * 60 * 1000;

/** Why a fix was refused: not recorded during one of the posting driver's shifts on the vehicle. */
export const OUTSIDE_SHIFT = 'outside_shift';
/** Why a fix was refused: older than the retention period (it would be deleted at once). */
export const PAST_RETENTION = 'past_retention';

export interface IngestRules {
  area: ServiceArea;
  /** POSITION_RETENTION_DAYS: older fixes are refused. */
  retentionDays: number;
  /** For a driver: which fix times fall in one of their shifts on the vehicle (tracking/shifts.ts). */
  onShift?: (from: number, to: number) => Promise<(at: number) => boolean>;
}

/**
 * Validates and stores a batch of fixes for one vehicle. Duplicates (by id) are counted, never stored twice;
 * the live position only moves forward in time. Returns the result and the new live vehicle, if it moved.
 */
export async function ingestPositions(
  db: Db,
  vehicle: typeof vehicles.$inferSelect,
  items: unknown[],
  rules: IngestRules,
  now = Date.now(),
): Promise<{ result: PositionBatchResult; live: TrackedVehicle | null }> {
  const checked = checkShapes(items, now, rules.area);
  // The shift check and the neighbouring stored fixes need only the batch's time range: asked at once.
  const [shapes, stored] = await Promise.all([
    keepInShift(checked, rules, now),
    storedAround(db, vehicle.id, checked.valid),
  ]);
  if (shapes.valid.length === 0)
    return {
      result: { accepted: 0, duplicates: items.length - shapes.rejected.length, rejected: shapes.rejected },
      live: null,
    };
  const { kept, rejected } = rejectJumps(shapes.valid, stored);
  const { accepted, moved } = await storeFixes(db, vehicle.id, kept);
  const allRejected = [...shapes.rejected, ...rejected];
  const result = {
    accepted,
    duplicates: items.length - allRejected.length - accepted,
    rejected: allRejected,
  };
  if (!moved) return { result, live: null };
  return {
    result,
    live: {
      vehicleId: vehicle.id as TrackedVehicle['vehicleId'],
      kind: vehicle.kind,
      plate: vehicle.plate,
      ...moved,
      stale: false,
    },
  };
}

/** The vehicle's stored fixes around the batch's times: the history jumps are checked against. */
async function storedAround(db: Db, vehicleId: string, fixes: { at: number }[]): Promise<Fix[]> {
  if (fixes.length === 0) return [];
  const times = fixes.map((f) => f.at);
  const rows = await db
    .select({ id: positions.id, lat: positions.lat, lon: positions.lon, recordedAt: positions.recordedAt })
    .from(positions)
    .where(
      and(
        eq(positions.vehicleId, vehicleId),
        gte(positions.recordedAt, new Date(Math.min(...times) - HISTORY_MARGIN_MS)),
        lte(positions.recordedAt, new Date(Math.max(...times) + HISTORY_MARGIN_MS)),
      ),
    )
    .orderBy(asc(positions.recordedAt));
  return rows.map((s) => ({ id: s.id, lat: s.lat, lon: s.lon, at: s.recordedAt.getTime() }));
}

type LiveFix = Pick<TrackedVehicle, 'lat' | 'lon' | 'recordedAt' | 'speed' | 'heading'>;

/** What storeFixes' statement answers: the count inserted and the moved live position (all null if it did not). */
type StoredRow = {
  accepted: number;
  lat: number | null;
  lon: number | null;
  recorded_at: Date | string | null;
  speed: number | null;
  heading: number | null;
};

/**
 * Inserts the kept fixes (a duplicate id is skipped) and moves the live position forward to the newest of
 * them when any was new: one statement, so one round trip and one commit per batch. The fixes travel as one
 * JSON parameter expanded by json_to_recordset: ~10x faster than a 4,000-parameter VALUES list, and the same
 * on PGlite and postgres.js.
 */
async function storeFixes(
  db: Db,
  vehicleId: string,
  kept: (Position & { at: number })[],
): Promise<{ accepted: number; moved: LiveFix | null }> {
  if (kept.length === 0) return { accepted: 0, moved: null };
  const rows = kept.map((f) => ({
    id: f.id,
    lat: f.lat,
    lon: f.lon,
    recorded_at: new Date(f.at).toISOString(),
    accuracy: f.accuracy ?? null,
    speed: f.speed ?? null,
    heading: f.heading ?? null,
  }));
  const newest = kept.reduce((a, f) => (f.at > a.at ? f : a));
  const result = await db.execute<StoredRow>(sql`
    with inserted as (
      insert into ${positions} (id, vehicle_id, lat, lon, recorded_at, accuracy, speed, heading)
      select id, ${vehicleId}::uuid, lat, lon, recorded_at, accuracy, speed, heading
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(id text, lat float8, lon float8,
        recorded_at timestamptz, accuracy real, speed real, heading real)
      on conflict (id) do nothing
      returning 1
    ), moved as (
      -- Forward only: the live position changes when the new fix is newer than the live one.
      insert into ${vehicleLive} (vehicle_id, lat, lon, recorded_at, speed, heading)
      select ${vehicleId}::uuid, ${newest.lat}::float8, ${newest.lon}::float8,
        ${new Date(newest.at).toISOString()}::timestamptz, ${newest.speed ?? null}::real, ${newest.heading ?? null}::real
      where exists (select 1 from inserted)
      on conflict (vehicle_id) do update set lat = excluded.lat, lon = excluded.lon,
        recorded_at = excluded.recorded_at, speed = excluded.speed, heading = excluded.heading
      where ${vehicleLive.recordedAt} < excluded.recorded_at
      returning lat, lon, recorded_at, speed, heading
    )
    select (select count(*) from inserted)::int as accepted, moved.*
    from (select 1) as one left join moved on true`);
  const [row] = resultRows<StoredRow>(result);
  if (!row) return { accepted: 0, moved: null };
  const moved =
    row.recorded_at === null || row.lat === null || row.lon === null
      ? null
      : {
          lat: row.lat,
          lon: row.lon,
          recordedAt: new Date(row.recorded_at).toISOString(),
          speed: row.speed,
          heading: row.heading,
        };
  return { accepted: Number(row.accepted), moved };
}

/** Refuses fixes past the retention period and, for a driver, fixes recorded outside their shifts. */
async function keepInShift(checked: Checked, rules: IngestRules, now: number): Promise<Checked> {
  const cutoff = now - rules.retentionDays * 24 * 3600_000;
  const out: Checked = { valid: [], rejected: [...checked.rejected] };
  const recent = checked.valid.filter((f) => {
    if (f.at >= cutoff) return true;
    out.rejected.push({ id: f.id, reason: PAST_RETENTION });
    return false;
  });
  if (recent.length === 0 || !rules.onShift) return { ...out, valid: recent };
  const times = recent.map((f) => f.at);
  const covered = await rules.onShift(Math.min(...times), Math.max(...times));
  for (const f of recent) {
    if (covered(f.at)) out.valid.push(f);
    else out.rejected.push({ id: f.id, reason: OUTSIDE_SHIFT });
  }
  return out;
}

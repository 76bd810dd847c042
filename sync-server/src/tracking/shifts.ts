import type { RideAvailability } from '@kigaligo/domain';
import { and, eq, gte, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { shifts } from '../db/schema';

/**
 * A fix this close before a shift's start or after its end still counts as recorded on the shift: the
 * phone's clock and the server's differ a little, and the last fixes are taken while the driver presses "End".
 */
export const SHIFT_GRACE_MS = 60_000;

/**
 * Opens the driver's shift on the vehicle (inside the transaction that puts the vehicle on shift): ends any
 * other open shift of the driver and any shift left open on the vehicle; keeps an already open one.
 */
export async function openShift(
  tx: Db,
  driverId: string,
  vehicleId: string,
  now = new Date(),
): Promise<void> {
  await tx
    .update(shifts)
    .set({ endedAt: now })
    .where(
      and(
        isNull(shifts.endedAt),
        or(
          and(eq(shifts.driverId, driverId), ne(shifts.vehicleId, vehicleId)),
          and(eq(shifts.vehicleId, vehicleId), ne(shifts.driverId, driverId)),
        ),
      ),
    );
  const [open] = await tx
    .select({ id: shifts.id })
    .from(shifts)
    .where(and(eq(shifts.vehicleId, vehicleId), isNull(shifts.endedAt)));
  if (!open) await tx.insert(shifts).values({ driverId, vehicleId, startedAt: now });
}

/**
 * Ends the driver's open shifts (the shift routes, a suspension) at `at`, or at their start if that is later
 * (an end the phone queued offline names when it was pressed; it never precedes the start).
 */
export async function closeShifts(tx: Db, driverId: string, at = new Date()): Promise<void> {
  await tx
    .update(shifts)
    .set({ endedAt: sql`greatest(${shifts.startedAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(shifts.driverId, driverId), isNull(shifts.endedAt)));
}

/**
 * Mirrors the driver's "taking rides" switch onto their open shift, which dispatch reads (a paused shift is
 * offered no rides). A switch made before this shift began (less the clock grace) belongs to an earlier one
 * and is left alone; the same switch arriving again changes nothing.
 */
export async function applyRideAvailability(tx: Db, driverId: string, a: RideAvailability): Promise<void> {
  const paused = a.status === 'off_duty';
  const changedAt = new Date(Date.parse(a.changedAt) + SHIFT_GRACE_MS);
  await tx
    .update(shifts)
    .set({ paused })
    .where(
      and(
        eq(shifts.driverId, driverId),
        isNull(shifts.endedAt),
        ne(shifts.paused, paused),
        lte(shifts.startedAt, changedAt),
      ),
    );
}

/**
 * Whether a fix recorded at `at` was recorded during one of the driver's shifts on the vehicle. Reads the
 * shifts overlapping [from, to] once per batch and returns the test for each fix.
 */
export async function shiftCoverage(
  db: Db,
  driverId: string,
  vehicleId: string,
  from: number,
  to: number,
): Promise<(at: number) => boolean> {
  const rows = await db
    .select({ startedAt: shifts.startedAt, endedAt: shifts.endedAt })
    .from(shifts)
    .where(
      and(
        eq(shifts.vehicleId, vehicleId),
        eq(shifts.driverId, driverId),
        lte(shifts.startedAt, new Date(to + SHIFT_GRACE_MS)),
        or(isNull(shifts.endedAt), gte(shifts.endedAt, new Date(from - SHIFT_GRACE_MS))),
      ),
    );
  return (at) =>
    rows.some(
      (s) =>
        at >= s.startedAt.getTime() - SHIFT_GRACE_MS &&
        (s.endedAt === null || at <= s.endedAt.getTime() + SHIFT_GRACE_MS),
    );
}

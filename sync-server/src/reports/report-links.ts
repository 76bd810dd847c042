import type { SafetyReportInput } from '@kigaligo/domain';
import { and, desc, eq, gt, lte, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { safetyReports, tripEvents, trips, vehicles } from '../db/schema';

export interface ReportProblem {
  path: string;
  message: string;
}

export interface ResolvedLinks {
  tripId: string | null;
  vehicleId: string | null;
  driverId: string | null;
  tripInProgress: boolean;
}

/** Reports older than this no longer count as "repeated reports" on a driver or vehicle. */
export const REPEAT_WINDOW_DAYS = 90;

/**
 * Checks the trip and vehicle a report links to and finds the driver. A trip must be the reporter's own (the
 * same answer whether it does not exist or is someone else's, so ids cannot be probed); a vehicle may be any
 * (a rider can report a moto seen on the street). The driver is the trip's, or else the vehicle's current one.
 */
export async function resolveLinks(
  tx: Db,
  reporterId: string,
  input: SafetyReportInput,
): Promise<{ problems: ReportProblem[] } | ResolvedLinks> {
  const problems: ReportProblem[] = [];
  let trip: typeof trips.$inferSelect | undefined;
  if (input.tripId) {
    [trip] = await tx.select().from(trips).where(eq(trips.id, input.tripId));
    if (!trip || trip.riderId !== reporterId) {
      problems.push({ path: 'tripId', message: 'This trip is not one of yours' });
    }
  }
  let vehicle: typeof vehicles.$inferSelect | undefined;
  const vehicleId = input.vehicleId ?? trip?.vehicleId ?? undefined;
  if (vehicleId) {
    [vehicle] = await tx.select().from(vehicles).where(eq(vehicles.id, vehicleId));
    if (!vehicle) problems.push({ path: 'vehicleId', message: 'No such vehicle' });
  }
  if (input.vehicleId && trip?.vehicleId && trip.vehicleId !== input.vehicleId) {
    problems.push({ path: 'vehicleId', message: 'The linked trip was in another vehicle' });
  }
  if (problems.length > 0) return { problems };
  return {
    tripId: trip?.id ?? null,
    vehicleId: vehicle?.id ?? null,
    driverId: trip?.driverId ?? vehicle?.driverId ?? null,
    tripInProgress: trip ? await wasInProgress(tx, trip.id, new Date(input.occurredAt)) : false,
  };
}

/** The trip's status at `at`, from its event history: was the rider on board? */
async function wasInProgress(tx: Db, tripId: string, at: Date): Promise<boolean> {
  const [last] = await tx
    .select({ status: tripEvents.toStatus })
    .from(tripEvents)
    .where(and(eq(tripEvents.tripId, tripId), lte(tripEvents.createdAt, at)))
    .orderBy(desc(tripEvents.createdAt))
    .limit(1);
  return last?.status === 'in_progress';
}

/** Earlier reports (not dismissed) on the same driver or vehicle within the window, this one excluded. */
export async function countPriorReports(
  tx: Db,
  reportId: string,
  links: Pick<ResolvedLinks, 'driverId' | 'vehicleId'>,
): Promise<number> {
  const about = [
    ...(links.driverId ? [eq(safetyReports.driverId, links.driverId)] : []),
    ...(links.vehicleId ? [eq(safetyReports.vehicleId, links.vehicleId)] : []),
  ];
  if (about.length === 0) return 0;
  const since = new Date(Date.now() - REPEAT_WINDOW_DAYS * 86_400_000);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(safetyReports)
    .where(
      and(
        or(...about),
        ne(safetyReports.id, reportId),
        ne(safetyReports.status, 'dismissed'),
        gt(safetyReports.createdAt, since),
      ),
    );
  return Number(row?.n ?? 0);
}

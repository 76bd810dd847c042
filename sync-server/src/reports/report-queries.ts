import {
  type AdminReportDetail,
  type AdminReportSummary,
  adminReportDetail as adminReportDetailSchema,
  type DriverReportView,
  type ReportQueueQuery,
  type RiderReportDetail,
  type RiderReportView,
  riderReportDetail as riderReportDetailSchema,
} from '@kigaligo/domain';
import { and, asc, between, desc, eq, gte, inArray, lte, ne, type SQL } from 'drizzle-orm';
import { loadTripViews } from '../booking/trip-view';
import type { Db } from '../db/client';
import { reportEvents, safetyReports, trips, users, vehicles } from '../db/schema';
import { toVehicle } from '../db/vehicles';
import {
  evidenceRefs,
  type ReportRow,
  toAdminSummary,
  toAdminView,
  toDriverView,
  toRiderView,
} from './report-views';

const HISTORY_LIMIT = 20;
const RECENT_TRIPS = 10;

const reporterCols = { id: users.id, name: users.name, email: users.email, phone: users.phone };

export async function riderReports(db: Db, riderId: string): Promise<RiderReportView[]> {
  const rows = await db
    .select()
    .from(safetyReports)
    .where(eq(safetyReports.reporterId, riderId))
    .orderBy(desc(safetyReports.createdAt));
  const refs = await evidenceRefs(db, rows);
  return rows.map((r) => toRiderView(r, refs));
}

export async function driverReports(
  db: Db,
  driverId: string,
  reportId?: string,
): Promise<DriverReportView[]> {
  const rows = await db
    .select({ report: safetyReports, reporterName: users.name })
    .from(safetyReports)
    .innerJoin(users, eq(users.id, safetyReports.reporterId))
    .where(and(eq(safetyReports.driverId, driverId), reportId ? eq(safetyReports.id, reportId) : undefined))
    .orderBy(desc(safetyReports.createdAt));
  return rows.map((r) => toDriverView(r.report, r.reporterName));
}

async function summaries(
  db: Db,
  where: SQL | undefined,
  limit: number,
  order: 'queue' | 'newest' = 'newest',
): Promise<AdminReportSummary[]> {
  const rows = await db
    .select({ report: safetyReports, reporter: { id: users.id, name: users.name } })
    .from(safetyReports)
    .innerJoin(users, eq(users.id, safetyReports.reporterId))
    .where(where)
    .orderBy(
      ...(order === 'queue'
        ? [desc(safetyReports.severityScore), desc(safetyReports.createdAt)]
        : [desc(safetyReports.createdAt)]),
    )
    .limit(limit);
  const refs = await evidenceRefs(
    db,
    rows.map((r) => r.report),
  );
  return rows.map((r) => toAdminSummary(r.report, r.reporter, refs));
}

/** The admins' queue: most severe first, then newest. */
export function adminQueue(db: Db, q: ReportQueueQuery): Promise<AdminReportSummary[]> {
  const where = and(
    q.severity ? inArray(safetyReports.severity, q.severity) : undefined,
    q.status ? inArray(safetyReports.status, q.status) : undefined,
    q.from ? gte(safetyReports.occurredAt, new Date(q.from)) : undefined,
    q.to ? lte(safetyReports.occurredAt, new Date(q.to)) : undefined,
    // Reports without a place fall outside every area.
    q.bbox ? between(safetyReports.lon, q.bbox[0], q.bbox[2]) : undefined,
    q.bbox ? between(safetyReports.lat, q.bbox[1], q.bbox[3]) : undefined,
  );
  return summaries(db, where, q.limit, 'queue');
}

export async function riderReportDetail(
  db: Db,
  riderId: string,
  id: string,
): Promise<RiderReportDetail | null> {
  const [row] = await db
    .select()
    .from(safetyReports)
    .where(and(eq(safetyReports.id, id), eq(safetyReports.reporterId, riderId)));
  if (!row) return null;
  const events = await db
    .select()
    .from(reportEvents)
    .where(and(eq(reportEvents.reportId, id), inArray(reportEvents.kind, ['status', 'reply'])))
    .orderBy(asc(reportEvents.createdAt), asc(reportEvents.id));
  return riderReportDetailSchema.parse({
    report: toRiderView(row, await evidenceRefs(db, [row])),
    // Internal notes and who decided are for admins only.
    replies: events
      .filter((e) => e.kind === 'reply')
      .map((e) => ({ id: e.id, text: e.text ?? '', at: e.createdAt.toISOString(), from: 'admin' as const })),
    statusHistory: events
      .filter((e) => e.kind === 'status' && e.toStatus)
      .map((e) => ({ fromStatus: e.fromStatus, toStatus: e.toStatus!, at: e.createdAt.toISOString() })),
  });
}

export async function adminReportDetail(db: Db, id: string): Promise<AdminReportDetail | null> {
  const [found] = await db
    .select({ report: safetyReports, reporter: reporterCols })
    .from(safetyReports)
    .innerJoin(users, eq(users.id, safetyReports.reporterId))
    .where(eq(safetyReports.id, id));
  if (!found) return null;
  const row: ReportRow = found.report;
  const events = await db
    .select({ event: reportEvents, actor: { id: users.id, name: users.name } })
    .from(reportEvents)
    .innerJoin(users, eq(users.id, reportEvents.actorId))
    .where(eq(reportEvents.reportId, id))
    .orderBy(asc(reportEvents.createdAt), asc(reportEvents.id));
  const [driver] = row.driverId
    ? await db
        .select({ ...reporterCols, suspended: users.suspended })
        .from(users)
        .where(eq(users.id, row.driverId))
    : [];
  const [vehicle] = row.vehicleId
    ? await db.select().from(vehicles).where(eq(vehicles.id, row.vehicleId))
    : [];
  const [trip] = row.tripId ? await loadTripViews(db, eq(trips.id, row.tripId), 1) : [];
  const others = ne(safetyReports.id, id);
  return adminReportDetailSchema.parse({
    report: toAdminView(row, found.reporter, await evidenceRefs(db, [row])),
    events: events.map(({ event: e, actor }) => ({
      id: e.id,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      text: e.text,
      actor,
      createdAt: e.createdAt.toISOString(),
    })),
    trip: trip ?? null,
    driver: driver ?? null,
    vehicle: vehicle ? toVehicle(vehicle) : null,
    history: {
      driverReports: row.driverId
        ? await summaries(db, and(eq(safetyReports.driverId, row.driverId), others), HISTORY_LIMIT)
        : [],
      vehicleReports: row.vehicleId
        ? await summaries(db, and(eq(safetyReports.vehicleId, row.vehicleId), others), HISTORY_LIMIT)
        : [],
      recentTrips: row.driverId
        ? await loadTripViews(db, eq(trips.driverId, row.driverId), RECENT_TRIPS)
        : row.vehicleId
          ? await loadTripViews(db, eq(trips.vehicleId, row.vehicleId), RECENT_TRIPS)
          : [],
    },
  });
}

import { z } from 'zod';
import { tripView } from './booking';
import { isoDateTime, latitude, latLon, longitude } from './common';
import { reportId, tripId, userId, vehicleId } from './ids';
import {
  evidenceRef,
  reportCategory,
  reportReply,
  reportStatus,
  reportStatuses,
  severityLevel,
  severityLevels,
} from './safety-report';
import { severityReason } from './severity';
import { text } from './text';
import { vehicle } from './vehicle';

// ---- Admin decisions (request bodies) ----

export const reportStatusInput = z.object({
  status: reportStatus,
  note: text({ min: 1, max: 2000 }).optional(),
});
export type ReportStatusInput = z.infer<typeof reportStatusInput>;

export const reportReplyInput = z.object({ text: text({ min: 1, max: 2000 }) });
export type ReportReplyInput = z.infer<typeof reportReplyInput>;

export const reportNoteInput = z.object({ text: text({ min: 1, max: 5000 }) });
export type ReportNoteInput = z.infer<typeof reportNoteInput>;

export const suspendDriverInput = z.object({
  reason: text({ min: 3, max: 1000, minMessage: 'Say why (at least 3 characters)' }),
  /** The report that led to the suspension, recorded on the report's history too. */
  reportId: reportId.optional(),
});
export type SuspendDriverInput = z.infer<typeof suspendDriverInput>;

export const unsuspendDriverInput = z.object({ reason: text({ min: 1, max: 1000 }).optional() });
export type UnsuspendDriverInput = z.infer<typeof unsuspendDriverInput>;

// ---- Queries ----

/** "a,b" → ["a","b"]: several levels or statuses in one filter (?severity=high,critical). */
const csvOf = <T extends readonly [string, ...string[]]>(members: T) =>
  text({ max: 500 })
    .transform((s) => s.split(',').map((p) => p.trim()))
    .pipe(z.array(z.enum(members)).min(1));

/** `minLon,minLat,maxLon,maxLat`, the same order as the live map's bbox. */
export const bboxParam = text({ max: 200 })
  .transform((s) => s.split(',').map(Number))
  .pipe(z.tuple([longitude, latitude, longitude, latitude]))
  .refine(([w, s, e, n]) => w <= e && s <= n, 'Expected minLon,minLat,maxLon,maxLat');

export const reportQueueQuery = z.object({
  severity: csvOf(severityLevels).optional(),
  status: csvOf(reportStatuses).optional(),
  /** Incident time range (occurredAt), inclusive. */
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  bbox: bboxParam.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ReportQueueQuery = z.infer<typeof reportQueueQuery>;

export const auditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The `nextBefore` of the previous page (or any ISO instant): entries strictly older than it. */
  before: text({ max: 100 }).optional(),
  targetType: text({ max: 40 }).optional(),
  targetId: text({ max: 100 }).optional(),
});
export type AuditQuery = z.infer<typeof auditQuery>;

// ---- Responses ----

export const reportPerson = z.object({ id: userId, name: z.string() });

/** What the reporter sees of their own report (no severity: it is for triage, not for the reporter). */
export const riderReportView = z.object({
  id: reportId,
  category: reportCategory,
  description: z.string(),
  occurredAt: isoDateTime,
  location: latLon.nullable(),
  anonymous: z.boolean(),
  tripId: tripId.nullable(),
  vehicleId: vehicleId.nullable(),
  evidence: z.array(evidenceRef),
  status: reportStatus,
  submittedAt: isoDateTime,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type RiderReportView = z.infer<typeof riderReportView>;

/**
 * What a driver sees of a report about them. Never the reporter's email or phone; for anonymous reports not even
 * the name, the trip, the place or the exact time (any of which would point at the rider) — only the day.
 */
export const driverReportView = z.object({
  id: reportId,
  category: reportCategory,
  description: z.string(),
  status: reportStatus,
  /** The incident's day in Kigali time (YYYY-MM-DD). */
  occurredOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  occurredAt: isoDateTime.nullable(),
  tripId: tripId.nullable(),
  vehicleId: vehicleId.nullable(),
  anonymous: z.boolean(),
  reporter: z.object({ name: z.string() }).nullable(),
  createdAt: isoDateTime,
});
export type DriverReportView = z.infer<typeof driverReportView>;

/** A queue row for admins. */
export const adminReportSummary = riderReportView.extend({
  reporter: reportPerson,
  driverId: userId.nullable(),
  severity: severityLevel,
  severityScore: z.number().int(),
});
export type AdminReportSummary = z.infer<typeof adminReportSummary>;

export const adminReportView = adminReportSummary.extend({
  reporter: reportPerson.extend({ email: z.string(), phone: z.string().nullable() }),
  severityReasons: z.array(severityReason),
});
export type AdminReportView = z.infer<typeof adminReportView>;

export const reportEventKinds = ['status', 'reply', 'note'] as const;
export const reportEvent = z.object({
  id: z.uuid(),
  kind: z.enum(reportEventKinds),
  fromStatus: reportStatus.nullable(),
  toStatus: reportStatus.nullable(),
  text: z.string().nullable(),
  actor: reportPerson,
  createdAt: isoDateTime,
});
export type ReportEvent = z.infer<typeof reportEvent>;

export const reportDriver = reportPerson.extend({
  email: z.string(),
  phone: z.string().nullable(),
  suspended: z.boolean(),
});

/** `GET /api/reports/:id` for admins. */
export const adminReportDetail = z.object({
  report: adminReportView,
  events: z.array(reportEvent),
  /** The linked trip with its payment (admins refund from here), as in `GET /api/trips/:id`. */
  trip: tripView.nullable(),
  driver: reportDriver.nullable(),
  vehicle: vehicle.nullable(),
  history: z.object({
    /** Other reports on the same driver / vehicle, newest first. */
    driverReports: z.array(adminReportSummary),
    vehicleReports: z.array(adminReportSummary),
    /** The driver's (or, without a driver, the vehicle's) latest trips. */
    recentTrips: z.array(tripView),
  }),
});
export type AdminReportDetail = z.infer<typeof adminReportDetail>;

export const reportStatusChange = z.object({
  fromStatus: reportStatus.nullable(),
  toStatus: reportStatus,
  at: isoDateTime,
});

/** `GET /api/reports/:id` for the reporter. */
export const riderReportDetail = z.object({
  report: riderReportView,
  replies: z.array(reportReply),
  statusHistory: z.array(reportStatusChange),
});
export type RiderReportDetail = z.infer<typeof riderReportDetail>;

/** What the audit log records (server `recordAudit`); the admin app names each in both languages. */
export const auditActions = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.identity_linked',
  'auth.mfa_enrolled',
  'auth.mfa_used',
  'auth.mfa_failed',
  'auth.mfa_disabled',
  'auth.passkey_added',
  'auth.passkey_removed',
  'auth.recovery_code_used',
  'auth.recovery_codes_regenerated',
  'auth.password_changed',
  'auth.password_reset_requested',
  'auth.password_reset',
  'auth.session_revoked',
  'auth.signed_out_everywhere',
  'user.role_changed',
  'driver.suspended',
  'driver.unsuspended',
  'refund.issued',
  'report.status_changed',
  'report.replied',
  'report.noted',
  'outbox.retried',
] as const;
export type AuditAction = (typeof auditActions)[number];

export const auditLogEntry = z.object({
  id: z.uuid(),
  actor: reportPerson,
  /** An AuditAction; a string, so entries written by another version still list. */
  action: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  details: z.record(z.string(), z.unknown()),
  createdAt: isoDateTime,
});
export type AuditLogEntry = z.infer<typeof auditLogEntry>;

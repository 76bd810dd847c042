import { z } from 'zod';
import { isoDateTime, latLon } from './common';
import { reportId, tripId, userId, vehicleId } from './ids';
import { text } from './text';

export const reportCategories = [
  'harassment',
  'reckless_driving',
  'overcharging',
  'accident',
  'vehicle_condition',
  'theft_or_lost_item',
  'other',
] as const;
export const reportCategory = z.enum(reportCategories);
export type ReportCategory = z.infer<typeof reportCategory>;

/** Server-side statuses; the rider app adds its own `draft` and `waiting to send` before the server has it. */
export const reportStatuses = ['submitted', 'triage', 'investigating', 'resolved', 'dismissed'] as const;
export const reportStatus = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof reportStatus>;

/** Admins move a report forward; resolved and dismissed are final. */
const reportTransitions: Record<ReportStatus, readonly ReportStatus[]> = {
  submitted: ['triage', 'investigating', 'resolved', 'dismissed'],
  triage: ['investigating', 'resolved', 'dismissed'],
  investigating: ['resolved', 'dismissed'],
  resolved: [],
  dismissed: [],
};

export function canTransitionReport(from: ReportStatus, to: ReportStatus): boolean {
  return reportTransitions[from].includes(to);
}

export const severityLevels = ['low', 'medium', 'high', 'critical'] as const;
export const severityLevel = z.enum(severityLevels);
export type SeverityLevel = z.infer<typeof severityLevel>;

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 hex digest');

export const evidenceMimeTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'video/mp4',
  'video/webm',
] as const;
export const evidenceMime = z.enum(evidenceMimeTypes);
export type EvidenceMime = z.infer<typeof evidenceMime>;

const MiB = 1024 * 1024;
/**
 * Largest upload per type. Photos are resized on the device well below this; the limit only stops abuse. A
 * short phone video (about 30 s at 720p) fits in 50 MiB.
 */
export const evidenceMaxBytes: Record<EvidenceMime, number> = {
  'image/jpeg': 10 * MiB,
  'image/png': 10 * MiB,
  'image/webp': 10 * MiB,
  'video/mp4': 50 * MiB,
  'video/webm': 50 * MiB,
};

/** One photo or video attached to a report, named by the SHA-256 of its bytes (uploads are idempotent). */
export const evidenceRef = z.object({
  sha256: sha256Hex,
  mime: evidenceMime,
  bytes: z.number().int().positive(),
});
export type EvidenceRef = z.infer<typeof evidenceRef>;

/**
 * The report as the rider writes it, in `report:<reportId>` → `report` (fields) and `evidence` (a list of
 * `evidenceRef`). `submittedAt` set means the rider pressed send; until then it is a draft on the device.
 */
export const safetyReportInput = z.object({
  tripId: tripId.optional(),
  vehicleId: vehicleId.optional(),
  category: reportCategory,
  description: text({ min: 10, max: 5000, minMessage: 'Describe what happened (at least 10 characters)' }),
  occurredAt: isoDateTime,
  location: latLon.optional(),
  /** Anonymous reports hide the reporter's identity from everyone but admins. */
  anonymous: z.boolean().default(false),
  evidence: z.array(evidenceRef).max(10).default([]),
  submittedAt: isoDateTime.optional(),
});
export type SafetyReportInput = z.infer<typeof safetyReportInput>;

/** What the server writes into `report:<id>` → `server` (server-only, SS10) for the reporter to see. */
export const reportServerState = z.object({
  status: reportStatus,
  receivedAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Digests the server is still waiting for before it files the report. */
  missingEvidence: z.array(sha256Hex).optional(),
  /**
   * Why a submitted report cannot be filed as it stands (a field fails validation, or the linked trip is not the
   * reporter's); the app shows them and lets the rider fix and resubmit. Absent once filed.
   */
  problems: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ReportServerState = z.infer<typeof reportServerState>;

/** A message from the admins to the reporter, in `report:<id>` → `replies` (server-only, SS10). */
export const reportReply = z.object({
  id: z.uuid(),
  text: z.string().min(1).max(2000),
  at: isoDateTime,
  from: z.literal('admin'),
});
export type ReportReply = z.infer<typeof reportReply>;

export const safetyReport = safetyReportInput.extend({
  id: reportId,
  reporterId: userId,
  status: reportStatus,
  severity: severityLevel,
  createdAt: isoDateTime,
});
export type SafetyReport = z.infer<typeof safetyReport>;

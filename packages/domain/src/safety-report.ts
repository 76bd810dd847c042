import { z } from 'zod';
import { isoDateTime, latLon } from './common';
import { reportId, tripId, userId, vehicleId } from './ids';

export const reportCategories = [
  'harassment',
  'assault',
  'reckless_driving',
  'theft',
  'overcharging',
  'vehicle_condition',
  'other',
] as const;
export const reportCategory = z.enum(reportCategories);
export type ReportCategory = z.infer<typeof reportCategory>;

export const reportStatuses = ['submitted', 'triage', 'investigating', 'resolved', 'dismissed'] as const;
export const reportStatus = z.enum(reportStatuses);
export type ReportStatus = z.infer<typeof reportStatus>;

export const severityLevels = ['low', 'medium', 'high', 'critical'] as const;
export const severityLevel = z.enum(severityLevels);
export type SeverityLevel = z.infer<typeof severityLevel>;

export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'Expected a SHA-256 hex digest');

export const safetyReportInput = z.object({
  tripId: tripId.optional(),
  vehicleId: vehicleId.optional(),
  category: reportCategory,
  description: z.string().trim().min(10, 'Describe what happened (at least 10 characters)').max(5000),
  occurredAt: isoDateTime,
  location: latLon.optional(),
  /** Anonymous reports hide the reporter's identity from everyone but admins. */
  anonymous: z.boolean().default(false),
  evidence: z.array(sha256Hex).max(10).default([]),
});
export type SafetyReportInput = z.infer<typeof safetyReportInput>;

export const safetyReport = safetyReportInput.extend({
  id: reportId,
  reporterId: userId,
  status: reportStatus,
  severity: severityLevel,
  createdAt: isoDateTime,
});
export type SafetyReport = z.infer<typeof safetyReport>;

import { z } from 'zod';
import { isoDateTime } from './common';

/**
 * Why the server could not take an entry a device wrote into a synced document (a booking intent, a driver
 * action, a report submission). Apps translate the code; the message is the server's English, for admins.
 *   invalid      the entry fails its domain schema (the message names the field)
 *   refused      the database refused a value (a constraint or a value it cannot store)
 *   server_error the server failed on it every time it tried (a bug): admins see it in "Sync issues"
 */
export const reconcileRejectCodes = ['invalid', 'refused', 'server_error'] as const;
export const reconcileRejectCode = z.enum(reconcileRejectCodes);
export type ReconcileRejectCode = z.infer<typeof reconcileRejectCode>;

/**
 * What the server writes into a document's server-only `rejections` map (SS12), keyed by `<collection>/<id>`
 * of the entry it rejects. Nothing of what the user wrote is removed: the app shows "Not sent" beside it and
 * lets the user edit and send again (a changed entry is tried again) or discard it (the rejection goes too).
 */
export const reconcileRejection = z.object({
  code: reconcileRejectCode,
  message: z.string(),
  /** How many times the server tried before giving up. */
  attempts: z.number().int().positive(),
  rejectedAt: isoDateTime,
  /** Digest of the entry as it was rejected: an edited entry no longer matches and is tried again. */
  fingerprint: z.string(),
});
export type ReconcileRejection = z.infer<typeof reconcileRejection>;

/** `GET /api/admin/sync-issues` (admins): rejected entries and documents left unreconciled too long. */
export const syncIssue = z.object({
  docName: z.string(),
  /** `<collection>/<id>` of the entry, or `*` for the document as a whole. */
  entryKey: z.string(),
  state: z.enum(['retrying', 'rejected', 'stuck']),
  code: z.string().nullable(),
  message: z.string().nullable(),
  userId: z.uuid().nullable(),
  userName: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  /** When the document or entry first failed (stuck: when its oldest unreconciled change was stored). */
  since: isoDateTime,
  lastAttemptAt: isoDateTime.nullable(),
});
export type SyncIssue = z.infer<typeof syncIssue>;

export const syncIssueCounts = z.object({
  rejected: z.number().int(),
  retrying: z.number().int(),
  stuck: z.number().int(),
});
export type SyncIssueCounts = z.infer<typeof syncIssueCounts>;

export const syncIssuesResponse = z.object({ issues: z.array(syncIssue), counts: syncIssueCounts });
export type SyncIssuesResponse = z.infer<typeof syncIssuesResponse>;

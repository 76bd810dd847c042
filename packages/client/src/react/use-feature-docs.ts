import { driverDoc, reportDoc, riderDoc } from '@kigaligo/sync-protocol';
import type { SyncEngine } from '../sync/sync-engine';
import type { SyncedDoc } from '../sync/synced-doc';
import { useSession } from './use-session';
import { readStoredDocument, type StoredDocument, useStoredDocument } from './use-stored-document';
import { useDocument } from './use-sync';

/*
 * The documents the apps' features work on, by what they are rather than by name: the apps never spell a
 * document name (nor import sync-protocol), so a change of naming stays inside the packages.
 */

/** The signed-in rider's own document (trips, bookings, saved routes, preferences, reports list). */
export function useRiderDoc(): SyncedDoc | null {
  const session = useSession();
  return useDocument(session ? riderDoc(session.user.id) : null);
}

/** The signed-in driver's own document (ride availability, assignments, trip actions). */
export function useDriverDoc(): SyncedDoc | null {
  const session = useSession();
  return useDocument(session ? driverDoc(session.user.id) : null);
}

/** One safety report's document, open while mounted; null id opens nothing. */
export function useReportDoc(reportId: string | null): SyncedDoc | null {
  return useDocument(reportId ? reportDoc(reportId) : null);
}

/** One safety report as this device stored it, without connecting (see useStoredDocument). */
export function useStoredReportDoc(reportId: string | null): StoredDocument | null {
  return useStoredDocument(reportId ? reportDoc(reportId) : null);
}

/** One safety report as this device stored it, read once. */
export function readStoredReportDoc(engine: SyncEngine, reportId: string): Promise<StoredDocument> {
  return readStoredDocument(engine, reportDoc(reportId));
}

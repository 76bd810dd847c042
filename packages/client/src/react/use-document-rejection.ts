import { type ReconcileRejection, reconcileRejection } from '@kigaligo/domain';
import { WHOLE_DOCUMENT } from '@kigaligo/sync-protocol';
import type { SyncedDoc } from '../sync/synced-doc';
import { useYMapEntries } from './use-y-map-entries';

/**
 * The server's rejection of a document as a whole (SS12: a failure outside every entry, `rejections['*']`),
 * or null. It stays until the document changes, when the server tries again.
 */
export function useDocumentRejection(
  doc: SyncedDoc | null,
  rejectionsKey: string,
): ReconcileRejection | null {
  const { entries } = useYMapEntries<Record<string, unknown>>(doc, rejectionsKey);
  const parsed = reconcileRejection.safeParse(entries[WHOLE_DOCUMENT]);
  return parsed.success ? parsed.data : null;
}

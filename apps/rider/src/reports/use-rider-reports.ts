import { riderDocKeys, useRiderDoc, useYMapEntries } from '@kigaligo/client';
import { useCallback, useMemo } from 'react';

export interface ReportEntry extends Record<string, unknown> {
  id: string;
  createdAt: string;
}

/**
 * The rider's report ids, from their `rider:` document (`reports`): each report is its own document, and this
 * list is how every phone the rider signs in on finds them. Newest first.
 */
export function useRiderReports() {
  const doc = useRiderDoc();
  const { entries, put, remove, ready } = useYMapEntries<ReportEntry>(doc, riderDocKeys.reports);
  const reports = useMemo(
    () => Object.values(entries).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    [entries],
  );
  /** Lists a report document (a new draft, or one opened by its link before the list had it). */
  const add = useCallback(
    (id: string, createdAt = new Date().toISOString()) => put(id, { id, createdAt }),
    [put],
  );
  const create = useCallback(() => {
    const id = crypto.randomUUID();
    add(id);
    return id;
  }, [add]);
  return { reports, add, create, remove, ready: ready && doc !== null };
}

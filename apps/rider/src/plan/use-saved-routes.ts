import { riderDocKeys, useRiderDoc, useYMapEntries } from '@kigaligo/client';
import type { SavedRoute } from '@kigaligo/domain';
import { useMemo } from 'react';
import { savedRouteEntries } from './saved-route-entries';

export type SavedEntry = SavedRoute & { serverSavedAt?: string };

/**
 * The rider's saved routes, from their synced document: newest first, on every device they sign in on, and
 * the ones the server rejected (SS12) as not sent.
 */
export function useSavedRoutes() {
  const doc = useRiderDoc();
  const { entries, put, remove, ready } = useYMapEntries<Record<string, unknown>>(
    doc,
    riderDocKeys.savedRoutes,
  );
  const rejections = useYMapEntries<Record<string, unknown>>(doc, riderDocKeys.rejections);
  const { routes, notSent } = useMemo(
    () => savedRouteEntries(entries, rejections.entries),
    [entries, rejections.entries],
  );
  const save = (r: Omit<SavedRoute, 'id' | 'createdAt'>) => {
    const id = crypto.randomUUID();
    put(id, { ...r, id, createdAt: new Date().toISOString() });
    return id;
  };
  return { routes, notSent, save, remove, ready };
}

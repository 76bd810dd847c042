import { useDocument, useSession, useYMapEntries } from '@kigaligo/client';
import type { SavedRoute } from '@kigaligo/domain';
import { riderDocKeys } from '@kigaligo/sync-protocol';
import { useMemo } from 'react';

export type SavedEntry = SavedRoute & { serverSavedAt?: string };

/** The rider's saved routes, from their synced document: newest first, on every device they sign in on. */
export function useSavedRoutes() {
  const session = useSession();
  const doc = useDocument(session ? `rider:${session.user.id}` : null);
  const { entries, put, remove, ready } = useYMapEntries<SavedEntry>(doc, riderDocKeys.savedRoutes);
  const routes = useMemo(
    () => Object.values(entries).sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
    [entries],
  );
  const save = (r: Omit<SavedRoute, 'id' | 'createdAt'>) => {
    const id = crypto.randomUUID();
    put(id, { ...r, id, createdAt: new Date().toISOString() });
    return id;
  };
  return { routes, save, remove, ready };
}

import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import type { SyncedDoc } from '../sync/synced-doc';

export interface YMapState<T extends Record<string, unknown>> {
  /** A plain snapshot of the map; a new object after every change, from this tab or anywhere else. */
  value: Partial<T>;
  /** Writes several keys in one transaction: one change, one entry in the pending count. */
  update(patch: Partial<T>): void;
  ready: boolean;
}

const empty = {};

/**
 * A top-level Y.Map of a document as React state. Keys are overwritten, never deleted: an overwrite is an
 * insert that the server's stored ack can confirm (see sync/pending.ts); write `null` to clear a value.
 */
export function useYMap<T extends Record<string, unknown>>(doc: SyncedDoc | null, key: string): YMapState<T> {
  const map = useMemo(() => doc?.doc.getMap<unknown>(key) ?? null, [doc, key]);
  const store = useMemo(() => {
    let snapshot: Partial<T> = (map?.toJSON() as Partial<T>) ?? empty;
    return {
      subscribe(listener: () => void) {
        if (!map) return () => {};
        // A change between this store's creation and the subscription would otherwise be missed.
        snapshot = map.toJSON() as Partial<T>;
        const observer = () => {
          snapshot = map.toJSON() as Partial<T>;
          listener();
        };
        map.observe(observer);
        return () => map.unobserve(observer);
      },
      get: () => snapshot,
    };
  }, [map]);
  const value = useSyncExternalStore(store.subscribe, store.get, store.get);
  const update = useCallback(
    (patch: Partial<T>) => {
      if (!map) return;
      const target: Y.Map<unknown> = map;
      target.doc?.transact(() => {
        for (const [k, v] of Object.entries(patch)) if (target.get(k) !== v) target.set(k, v ?? null);
      });
    },
    [map],
  );
  return { value, update, ready: map !== null };
}

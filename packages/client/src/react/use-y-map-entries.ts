import { useCallback, useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import type { SyncedDoc } from '../sync/synced-doc';

export interface YMapEntriesState<T extends Record<string, unknown>> {
  /** Live entries (id → plain object); removed entries are left out. */
  entries: Record<string, T>;
  /** Writes one entry as its own Y.Map, so the server can add fields (e.g. `serverSavedAt`) without conflicts. */
  put(id: string, fields: T): void;
  /** Clears an entry by overwriting it with null (an insert, which a stored ack can confirm; see sync/pending.ts). */
  remove(id: string): void;
  ready: boolean;
}

const none = {};

/** A top-level Y.Map<id, Y.Map> of a document (saved routes, booking intents) as React state. */
export function useYMapEntries<T extends Record<string, unknown>>(
  doc: SyncedDoc | null,
  key: string,
): YMapEntriesState<T> {
  const map = useMemo(() => doc?.doc.getMap<unknown>(key) ?? null, [doc, key]);
  const store = useMemo(() => {
    const read = () => {
      const out: Record<string, T> = {};
      map?.forEach((v, id) => {
        if (v instanceof Y.Map) out[id] = v.toJSON() as T;
        // The server may write an entry as one plain value (e.g. a booking decision) rather than a Y.Map.
        else if (v !== null && typeof v === 'object' && !(v instanceof Y.AbstractType)) out[id] = v as T;
      });
      return out;
    };
    let snapshot: Record<string, T> = map ? read() : none;
    return {
      subscribe(listener: () => void) {
        if (!map) return () => {};
        snapshot = read();
        // Deep: the server writing `serverSavedAt` into an entry is a change too.
        const observer = () => {
          snapshot = read();
          listener();
        };
        map.observeDeep(observer);
        return () => map.unobserveDeep(observer);
      },
      get: () => snapshot,
    };
  }, [map]);
  const entries = useSyncExternalStore(store.subscribe, store.get, store.get);
  const put = useCallback(
    (id: string, fields: T) => {
      if (!map) return;
      map.doc?.transact(() => {
        const entry = new Y.Map<unknown>();
        for (const [k, v] of Object.entries(fields)) if (v !== undefined) entry.set(k, v);
        map.set(id, entry);
      });
    },
    [map],
  );
  const remove = useCallback((id: string) => map?.set(id, null), [map]);
  return { entries, put, remove, ready: map !== null };
}

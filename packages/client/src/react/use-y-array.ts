import { useCallback, useMemo, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import type { SyncedDoc } from '../sync/synced-doc';

export interface YArrayState<T> {
  /** Plain snapshot of the items (Y.Map items as objects); a new array after every change. */
  items: T[];
  push(item: T): void;
  /** Removes the first item matching `match`. */
  removeWhere(match: (item: T) => boolean): void;
  ready: boolean;
}

const none: never[] = [];

/**
 * A top-level Y.Array of a document as React state (report evidence, the admins' replies). Server-only
 * arrays (SS10) are read with it and never written: a client change to them closes the connection.
 */
export function useYArray<T>(doc: SyncedDoc | null, key: string): YArrayState<T> {
  const array = useMemo(() => doc?.doc.getArray<unknown>(key) ?? null, [doc, key]);
  const store = useMemo(() => {
    const read = () => (array ? (array.toJSON() as T[]) : none);
    let snapshot: T[] = read();
    return {
      subscribe(listener: () => void) {
        if (!array) return () => {};
        snapshot = read();
        const observer = () => {
          snapshot = read();
          listener();
        };
        array.observeDeep(observer);
        return () => array.unobserveDeep(observer);
      },
      get: () => snapshot,
    };
  }, [array]);
  const items = useSyncExternalStore(store.subscribe, store.get, store.get);
  const push = useCallback((item: T) => array?.push([item]), [array]);
  const removeWhere = useCallback(
    (match: (item: T) => boolean) => {
      if (!array) return;
      const index = (array.toJSON() as T[]).findIndex(match);
      if (index >= 0) array.delete(index, 1);
    },
    [array],
  );
  return { items, push, removeWhere, ready: array !== null };
}

/** Plain JSON of any Yjs value (Y.Map / Y.Array items are converted). */
export function yToJson(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.toJSON() : value;
}

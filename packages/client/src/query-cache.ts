/**
 * Last good response per query, kept on the device so screens have something to show offline.
 * Entries are scoped by app and cleared on sign-out (they may hold other people's data, e.g. the admin's user list).
 */
export interface CachedEntry<T> {
  data: T;
  /** Epoch milliseconds when the data was fetched. */
  at: number;
}

export interface QueryCache {
  read<T>(key: string): CachedEntry<T> | null;
  write<T>(key: string, data: T): CachedEntry<T>;
  clear(): void;
}

export function createQueryCache(prefix: string, storage: Storage | undefined = globalThis.localStorage) {
  const full = (key: string) => `${prefix}${key}`;
  const cache: QueryCache = {
    read<T>(key: string) {
      const raw = storage?.getItem(full(key));
      if (!raw) return null;
      try {
        return JSON.parse(raw) as CachedEntry<T>;
      } catch {
        return null;
      }
    },
    write<T>(key: string, data: T) {
      const entry = { data, at: Date.now() };
      try {
        storage?.setItem(full(key), JSON.stringify(entry));
      } catch {
        // Quota exceeded: the cache is an optimisation, the fresh data is still returned.
      }
      return entry;
    },
    clear() {
      if (!storage) return;
      const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i));
      for (const k of keys) if (k?.startsWith(prefix)) storage.removeItem(k);
    },
  };
  return cache;
}

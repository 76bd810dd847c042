import type { FetchDeps } from './authorized-fetch';

interface Entry<S> {
  service: S;
  refs: number;
  closeTimer?: ReturnType<typeof setTimeout>;
}

/**
 * One service per client and user, shared by every screen of a tab and reference-counted (two evidence
 * uploaders or request queues would send the same thing twice). A released service is destroyed a moment
 * later rather than at once, as a re-render often acquires it again.
 */
export function sharedPerUser<S extends { destroy(): void }>(
  create: (userId: string, deps: FetchDeps) => S,
  closeDelayMs = 2_000,
): { acquire(deps: FetchDeps, userId: string): S; release(deps: FetchDeps, userId: string): void } {
  const open = new WeakMap<FetchDeps, Map<string, Entry<S>>>();
  return {
    acquire(deps, userId) {
      let byUser = open.get(deps);
      if (!byUser) {
        byUser = new Map();
        open.set(deps, byUser);
      }
      let entry = byUser.get(userId);
      if (!entry) {
        entry = { service: create(userId, deps), refs: 0 };
        byUser.set(userId, entry);
      }
      clearTimeout(entry.closeTimer);
      entry.refs++;
      return entry.service;
    },
    release(deps, userId) {
      const byUser = open.get(deps);
      const entry = byUser?.get(userId);
      if (!byUser || !entry || --entry.refs > 0) return;
      entry.closeTimer = setTimeout(() => {
        if (entry.refs > 0) return;
        byUser.delete(userId);
        entry.service.destroy();
      }, closeDelayMs);
    },
  };
}

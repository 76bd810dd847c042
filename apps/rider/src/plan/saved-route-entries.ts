import { rejectionKey, riderDocKeys } from '@kigaligo/client';
import { type ReconcileRejection, reconcileRejection, savedRoute } from '@kigaligo/domain';
import { prefillOf } from '../booking/booking-route';
import type { Chosen } from './place-field';
import type { SavedEntry } from './use-saved-routes';

/** A saved route the server rejected (SS12): what the rider wrote, kept until they save it again or discard it. */
export interface NotSentRoute {
  key: string;
  rejection: ReconcileRejection;
  /** The name as written, when it is text. */
  name: string | null;
  /** As much of the two places as the planner can take back. */
  from: Chosen | null;
  to: Chosen | null;
}

type Entry = Record<string, unknown>;

const chosen = (p: { lat: number; lon: number; label?: string } | undefined): Chosen | null =>
  p ? { lat: p.lat, lon: p.lon, label: p.label ?? '' } : null;

/**
 * Sorts the document's saved routes: the ones the server rejected are `notSent` with their reason, whatever
 * was written; the others are listed newest first if they are routes at all (an entry another app version
 * wrote wrong is left out rather than breaking the list), with the server's `serverSavedAt` mark.
 */
export function savedRouteEntries(
  entries: Readonly<Record<string, Entry>>,
  rejections: Readonly<Record<string, unknown>>,
): { routes: SavedEntry[]; notSent: NotSentRoute[] } {
  const routes: SavedEntry[] = [];
  const notSent: NotSentRoute[] = [];
  for (const [key, raw] of Object.entries(entries)) {
    if (!raw || typeof raw !== 'object') continue;
    const rejected = reconcileRejection.safeParse(rejections[rejectionKey(riderDocKeys.savedRoutes, key)]);
    if (rejected.success) {
      const places = prefillOf(raw);
      notSent.push({
        key,
        rejection: rejected.data,
        name: typeof raw.name === 'string' ? raw.name : null,
        from: chosen(places.from),
        to: chosen(places.to),
      });
      continue;
    }
    const parsed = savedRoute.safeParse(raw);
    if (!parsed.success || parsed.data.id !== key) continue;
    const serverSavedAt = typeof raw.serverSavedAt === 'string' ? raw.serverSavedAt : undefined;
    routes.push(serverSavedAt ? { ...parsed.data, serverSavedAt } : parsed.data);
  }
  routes.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { routes, notSent };
}

import { type DispatchPolicy, savedRoute } from '@kigaligo/domain';
import { accessFor, riderDocKeys, serverOnlyKeys } from '@kigaligo/sync-protocol';
import { and, eq, notInArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { savedRoutes } from '../db/schema';
import type { NetworkService } from '../network/network-service';
import {
  type DocRef,
  type DocType,
  entryValue,
  invalidEntryMessage,
  type ReconcileFn,
} from '../sync/doc-type';
import { reconcileIntents } from './reconcile-intents';
import type { TripDocs } from './trip-docs';

/** A saved route as the rider wrote it: without `serverSavedAt`, the server's own mark on it. */
function asWritten(value: unknown): unknown {
  const plain = entryValue(value);
  if (!plain || typeof plain !== 'object' || Array.isArray(plain)) return plain;
  const { serverSavedAt: _, ...written } = plain as Record<string, unknown>;
  return written;
}

/**
 * rider:<id> → saved_routes. Entries that fail the domain schema are rejected in the document (SS12; they
 * stay there for the app to fix) rather than failing the whole document; a route the database refuses is
 * retried and rejected on its own. Confirmed entries get `serverSavedAt` written back.
 */
const reconcileSavedRoutes: ReconcileFn<Extract<DocRef, { type: 'rider' }>> = async (ref, doc, tx, guard) => {
  const routesMap = doc.getMap<Y.Map<unknown>>(riderDocKeys.savedRoutes);
  const valid = new Map<string, ReturnType<typeof savedRoute.parse>>();
  for (const [key, value] of routesMap.entries()) {
    // A removed route: apps clear entries by writing null.
    if (value === null) continue;
    const parsed = savedRoute.safeParse(entryValue(value));
    if (parsed.success && parsed.data.id === key) valid.set(key, parsed.data);
    else guard.reject(riderDocKeys.savedRoutes, key, asWritten(value), invalidEntryMessage(parsed));
  }
  const ids = [...valid.keys()];
  await tx
    .delete(savedRoutes)
    .where(
      ids.length
        ? and(eq(savedRoutes.riderId, ref.userId), notInArray(savedRoutes.id, ids))
        : eq(savedRoutes.riderId, ref.userId),
    );
  const saved: string[] = [];
  for (const r of valid.values()) {
    const row = {
      riderId: ref.userId,
      id: r.id,
      name: r.name,
      origin: r.origin,
      destination: r.destination,
      createdAt: new Date(r.createdAt),
      updatedAt: new Date(),
    };
    const outcome = await guard.entry(
      tx,
      riderDocKeys.savedRoutes,
      r.id,
      asWritten(routesMap.get(r.id)),
      (sp) =>
        sp
          .insert(savedRoutes)
          .values(row)
          .onConflictDoUpdate({ target: [savedRoutes.riderId, savedRoutes.id], set: row }),
    );
    if (outcome.status === 'done') saved.push(r.id);
  }
  const unconfirmed = saved.filter((id) => {
    const entry = routesMap.get(id);
    return entry instanceof Y.Map && !entry.has('serverSavedAt');
  });
  if (unconfirmed.length === 0) return undefined;
  const at = new Date().toISOString();
  return (target) => {
    const map = target.getMap<Y.Map<unknown>>(riderDocKeys.savedRoutes);
    for (const id of unconfirmed) {
      const entry = map.get(id);
      if (entry instanceof Y.Map && !entry.has('serverSavedAt')) entry.set('serverSavedAt', at);
    }
  };
};

/**
 * rider:<id>: the rider writes it, admins read it (SS2); the whole document is reconciled — saved routes, then
 * booking intents (reconcile-intents.ts). Trip refreshes a decision starts belong to its write-back.
 */
export function riderDocType(deps: {
  tripDocs: TripDocs;
  dispatch: DispatchPolicy;
  network: Pick<NetworkService, 'serviceArea'>;
}): DocType<'rider'> {
  return {
    prefix: 'rider',
    authorize: async (ref, user) => accessFor(ref, user),
    serverKeys: serverOnlyKeys.rider,
    rejectionsKey: riderDocKeys.rejections,
    watch: [riderDocKeys.savedRoutes, riderDocKeys.bookingIntents],
    async reconcile(ref, doc, tx, guard) {
      const routes = await reconcileSavedRoutes(ref, doc, tx, guard);
      const bookings = await reconcileIntents(
        ref,
        doc,
        tx,
        guard,
        deps.tripDocs,
        deps.dispatch,
        deps.network.serviceArea(),
      );
      if (!routes || !bookings) return routes ?? bookings;
      return (target) => {
        routes(target);
        bookings(target);
      };
    },
    settled: () => deps.tripDocs.idle(),
  };
}

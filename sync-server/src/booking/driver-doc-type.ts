import {
  type DispatchPolicy,
  type DriverActionInput,
  type DriverActionResult,
  driverActionInput,
  rideAvailability,
  type TripStatus,
  tripStatus,
} from '@kigaligo/domain';
import { accessFor, driverDocKeys, serverOnlyKeys } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Db } from '../db/client';
import { trips } from '../db/schema';
import {
  type DocChange,
  type DocRef,
  type DocType,
  type EntryGuard,
  entryValue,
  invalidEntryMessage,
  writeEntry,
} from '../sync/doc-type';
import { applyRideAvailability } from '../tracking/shifts';
import { applyDriverAction } from './driver-actions';
import type { TripDocs } from './trip-docs';

/**
 * driver:<id> → shift: the "taking rides" switch, mirrored onto the open shift (tracking/shifts.ts).
 * driver:<id> → tripActions: applies each action that has no result yet, oldest first (a driver offline for a
 * whole ride queues accept, arrive, start and complete), each in its own savepoint through the entry guard (SS12),
 * and answers every one in
 * `actionResults[actionId]`: ok, or the refusal with its code and message. Applying is idempotent by action id
 * (trip_events), so a crash between commit and write-back only repeats answers.
 */
export function driverDocType(deps: { tripDocs: TripDocs; dispatch: DispatchPolicy }): DocType<'driver'> {
  return {
    prefix: 'driver',
    // The driver writes it, admins read it (SS2).
    authorize: async (ref, user) => accessFor(ref, user),
    serverKeys: serverOnlyKeys.driver,
    rejectionsKey: driverDocKeys.rejections,
    watch: [driverDocKeys.shift, driverDocKeys.tripActions],
    reconcile: (ref, doc, tx, guard) => reconcileDriverDoc(deps, ref, doc, tx, guard),
    // Answers start trip refreshes (decisions, assignments): they are part of the write-back (SS8).
    settled: () => deps.tripDocs.idle(),
  };
}

async function reconcileDriverDoc(
  deps: { tripDocs: TripDocs; dispatch: DispatchPolicy },
  ref: Extract<DocRef, { type: 'driver' }>,
  doc: Y.Doc,
  tx: Db,
  guard: EntryGuard,
): Promise<DocChange | undefined> {
  // The "taking rides" switch: a malformed one is ignored (the shift stays as it was), never rejected.
  const availability = rideAvailability.safeParse(doc.getMap<unknown>(driverDocKeys.shift).toJSON());
  if (availability.success) await applyRideAvailability(tx, ref.userId, availability.data);
  const actions = doc.getMap<unknown>(driverDocKeys.tripActions);
  const answered = doc.getMap<unknown>(driverDocKeys.actionResults);
  const assignments = doc.getMap<unknown>(driverDocKeys.assignments);
  const now = new Date();
  const results = new Map<string, DriverActionResult>();
  const pending: { input: DriverActionInput; value: unknown }[] = [];
  for (const [key, value] of actions.entries()) {
    // Answered, or removed by the app (it clears entries by writing null).
    if (answered.has(key) || value === null) continue;
    const parsed = driverActionInput.safeParse(entryValue(value));
    if (parsed.success && parsed.data.id === key) pending.push({ input: parsed.data, value });
    else {
      const issue = invalidEntryMessage(parsed);
      guard.reject(driverDocKeys.tripActions, key, value, issue);
      // Version-2 apps know only results: they keep getting the `invalid` one they always did.
      results.set(key, {
        ok: false,
        tripStatus: 'requested',
        error: { code: 'invalid', message: `This action is malformed: ${issue}` },
        appliedAt: now.toISOString(),
      });
    }
  }
  pending.sort(
    (a, b) => Date.parse(a.input.at) - Date.parse(b.input.at) || a.input.id.localeCompare(b.input.id),
  );
  const touched = new Set<string>();
  for (const { input: action, value } of pending) {
    // One action failing (SS12) does not stop the driver's later ones; the guard retries or rejects it.
    const outcome = await guard.entry(tx, driverDocKeys.tripActions, action.id, value, (sp) =>
      applyDriverAction(sp, ref.userId, action, now, deps.dispatch),
    );
    if (outcome.status === 'done') {
      results.set(action.id, outcome.value);
      touched.add(action.tripId);
    } else if (outcome.status === 'refused') {
      results.set(action.id, {
        ok: false,
        tripStatus: await statusFor(tx, ref.userId, action.tripId, assignments),
        error: { code: outcome.error.code, message: outcome.error.message },
        appliedAt: now.toISOString(),
      });
    }
  }
  if (results.size === 0) return undefined;
  return (target) => {
    const map = target.getMap<unknown>(driverDocKeys.actionResults) as Y.Map<unknown>;
    for (const [id, result] of results) if (!map.has(id)) writeEntry(map, id, result);
    // Runs inside this document's queue: started, not awaited (the refresh writes to this document too).
    deps.tripDocs.refreshInBackground(touched);
  };
}

/** The status a refused action reports: the trip's own if it is this driver's, else what their document last showed. */
async function statusFor(
  tx: Db,
  driverId: string,
  tripId: string,
  assignments: Y.Map<unknown>,
): Promise<TripStatus> {
  const [trip] = await tx
    .select({ status: trips.status, driverId: trips.driverId })
    .from(trips)
    .where(eq(trips.id, tripId));
  if (trip && trip.driverId === driverId) return trip.status;
  const shown = tripStatus.safeParse(
    (entryValue(assignments.get(tripId)) as { status?: unknown } | undefined)?.status,
  );
  return shown.success ? shown.data : 'requested';
}

import {
  type BookingDecision,
  type BookingIntent,
  bookingIntent,
  type DispatchPolicy,
  type ServiceArea,
} from '@kigaligo/domain';
import type { DocRef } from '@kigaligo/sync-protocol';
import { rejectionKey, riderDocKeys } from '@kigaligo/sync-protocol';
import { and, eq, inArray } from 'drizzle-orm';
import type * as Y from 'yjs';
import { z } from 'zod';
import type { Db } from '../db/client';
import { trips } from '../db/schema';
import { intentFingerprint } from '../http/request-fingerprint';
import { type EntryGuard, entryValue, invalidEntryMessage, writeEntry } from '../sync/doc-type';
import { bookIntent } from './book-intent';
import { cancelTrip } from './cancel-trip';
import { rejectedDecision } from './trip-decision';
import type { TripDocs } from './trip-docs';

const finalStatuses = new Set(['completed', 'cancelled', 'rejected']);
const uuid = z.uuid();

/**
 * rider:<id> → bookingIntents: books each intent not yet decided, and cancels those the rider marked with
 * `cancelRequestedAt`, through the same services as the API (so an intent arriving by both paths books once).
 * Each intent runs in its own savepoint through the entry guard: one that fails leaves the others booked and
 * is retried or rejected on its own (SS12). Intents failing the domain schema are rejected at once (and get a
 * `rejected: invalid` decision, as version-2 apps expect). Returns the change to write back, which also refreshes the
 * booked trips' documents once the reconcile transaction has committed (the scheduler writes back after it).
 */
export async function reconcileIntents(
  ref: Extract<DocRef, { type: 'rider' }>,
  doc: Y.Doc,
  tx: Db,
  guard: EntryGuard,
  tripDocs: TripDocs,
  policy: DispatchPolicy,
  area: ServiceArea,
): Promise<((doc: Y.Doc) => void) | undefined> {
  const intents = doc.getMap<unknown>(riderDocKeys.bookingIntents);
  const decisions = doc.getMap<unknown>(riderDocKeys.bookingDecisions);
  const now = new Date();
  const invalid: BookingDecision[] = [];
  const touched: string[] = [];
  const decidedIntents: { key: string; value: unknown; intent: BookingIntent }[] = [];
  for (const [key, value] of intents.entries()) {
    // A removed entry: apps clear entries by writing null (client sync/pending.ts).
    if (value === null) continue;
    const decided = entryValue(decisions.get(key)) as { status?: string; tripStatus?: string } | undefined;
    const parsed = bookingIntent.safeParse(entryValue(value));
    if (!parsed.success || parsed.data.id !== key) {
      guard.reject(riderDocKeys.bookingIntents, key, value, invalidEntryMessage(parsed));
      // Version-2 apps know only decisions: they keep getting the `invalid` one they always did.
      if (!decided && uuid.safeParse(key).success)
        invalid.push(rejectedDecision(key, 'invalid', 'moto', now.toISOString()));
      continue;
    }
    const intent = parsed.data;
    let trip: string | undefined;
    if (intent.cancelRequestedAt) {
      if (decided?.status === 'rejected' || finalStatuses.has(decided?.tripStatus ?? '')) continue;
      const outcome = await guard.entry(tx, riderDocKeys.bookingIntents, key, value, async (sp) => {
        // Cancelled before it was ever booked: nothing to book and nothing to decide.
        const [row] = await sp.select({ id: trips.id }).from(trips).where(eq(trips.intentId, intent.id));
        if (row) await cancelTrip(sp, ref.userId, row.id);
        return row?.id;
      });
      // A trip that can no longer be cancelled keeps its decision: its tripStatus says why.
      if (outcome.status === 'done') trip = outcome.value;
    } else if (!decided) {
      const outcome = await guard.entry(tx, riderDocKeys.bookingIntents, key, value, (sp) =>
        bookIntent(sp, ref.userId, intent, now, policy, area),
      );
      if (outcome.status === 'done') trip = outcome.value.tripId;
      // An intent the booking service refuses outright (an id already used by someone else) is answered as
      // invalid; one that failed otherwise is retried or rejected by the guard (SS12).
      if (outcome.status === 'refused')
        invalid.push(rejectedDecision(key, 'invalid', intent.kind, now.toISOString()));
    } else decidedIntents.push({ key, value, intent });
    if (trip) touched.push(trip);
  }
  await rejectRewrittenIntents(tx, ref.userId, decidedIntents, guard);
  if (invalid.length === 0 && touched.length === 0) return undefined;
  return (target) => {
    const map = target.getMap<unknown>(riderDocKeys.bookingDecisions);
    for (const d of invalid) if (!map.has(d.intentId)) writeEntry(map as Y.Map<unknown>, d.intentId, d);
    // Runs inside this document's queue: started, not awaited (the refresh writes to this document too).
    tripDocs.refreshInBackground(touched);
  };
}

/**
 * The intent id is the booking's idempotency key (book-intent.ts): an intent rewritten under an id already
 * decided — other places, kind or payment — is not booked again, and is not ignored in silence either (SS12).
 * It is rejected in the document, where the rider's app shows it, while the booked trip stands as it was.
 * One query for all decided intents of the document.
 */
async function rejectRewrittenIntents(
  tx: Db,
  riderId: string,
  decided: { key: string; value: unknown; intent: BookingIntent }[],
  guard: EntryGuard,
): Promise<void> {
  if (decided.length === 0) return;
  const booked = await tx
    .select({ intentId: trips.intentId, fingerprint: trips.intentFingerprint })
    .from(trips)
    .where(
      and(
        eq(trips.riderId, riderId),
        inArray(
          trips.intentId,
          decided.map((d) => d.intent.id),
        ),
      ),
    );
  const fingerprints = new Map(booked.map((b) => [b.intentId, b.fingerprint]));
  for (const { key, value, intent } of decided) {
    const fingerprint = fingerprints.get(intent.id);
    // Trips booked before fingerprints were kept have none: nothing to compare with.
    if (!fingerprint) continue;
    if (fingerprint === intentFingerprint(intent)) {
      // As booked (again, after a rewrite was put back): a rejection of it, if any, goes.
      guard.resolve(rejectionKey(riderDocKeys.bookingIntents, key));
      continue;
    }
    guard.reject(
      riderDocKeys.bookingIntents,
      key,
      value,
      'This booking id was used for a different booking (idempotency_key_reused); the booked trip stands',
    );
  }
}

import { type BookingDecision, bookingIntent, type DispatchPolicy, type ServiceArea } from '@kigaligo/domain';
import type { DocRef } from '@kigaligo/sync-protocol';
import { riderDocKeys } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
import type * as Y from 'yjs';
import { z } from 'zod';
import type { Db } from '../db/client';
import { trips } from '../db/schema';
import { HttpError } from '../http/errors';
import { bookIntent } from './book-intent';
import { cancelTrip } from './cancel-trip';
import { entryValue, writeEntry } from './doc-entries';
import { rejectedDecision } from './trip-decision';
import type { TripDocs } from './trip-docs';

const finalStatuses = new Set(['completed', 'cancelled', 'rejected']);
const uuid = z.uuid();

/**
 * rider:<id> → bookingIntents: books each intent not yet decided, and cancels those the rider marked with
 * `cancelRequestedAt`, through the same services as the API (so an intent arriving by both paths books once).
 * Each intent runs in its own savepoint: one that fails leaves the others booked. Intents failing the domain
 * schema get a `rejected: invalid` decision. Returns the change to write back, which also refreshes the
 * booked trips' documents once the reconcile transaction has committed (the scheduler writes back after it).
 */
export async function reconcileIntents(
  ref: Extract<DocRef, { type: 'rider' }>,
  doc: Y.Doc,
  tx: Db,
  tripDocs: TripDocs,
  policy: DispatchPolicy,
  area: ServiceArea,
): Promise<((doc: Y.Doc) => void) | undefined> {
  const intents = doc.getMap<unknown>(riderDocKeys.bookingIntents);
  const decisions = doc.getMap<unknown>(riderDocKeys.bookingDecisions);
  const now = new Date();
  const invalid: BookingDecision[] = [];
  const touched: string[] = [];
  for (const [key, value] of intents.entries()) {
    const decided = entryValue(decisions.get(key)) as { status?: string; tripStatus?: string } | undefined;
    const parsed = bookingIntent.safeParse(entryValue(value));
    if (!parsed.success || parsed.data.id !== key) {
      if (!decided && uuid.safeParse(key).success)
        invalid.push(rejectedDecision(key, 'invalid', 'moto', now.toISOString()));
      continue;
    }
    const intent = parsed.data;
    try {
      if (intent.cancelRequestedAt) {
        if (decided?.status === 'rejected' || finalStatuses.has(decided?.tripStatus ?? '')) continue;
        // Cancelled before it was ever booked: nothing to book and nothing to decide.
        const [trip] = await tx.select({ id: trips.id }).from(trips).where(eq(trips.intentId, intent.id));
        if (!trip) continue;
        await tx.transaction((sp) => cancelTrip(sp, ref.userId, trip.id));
        touched.push(trip.id);
      } else if (!decided) {
        const booked = await tx.transaction((sp) => bookIntent(sp, ref.userId, intent, now, policy, area));
        touched.push(booked.tripId);
      }
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      // A trip that can no longer be cancelled keeps its decision (its tripStatus says why); an intent the
      // booking service refuses outright (an id already used by someone else) is answered as invalid.
      if (!decided) invalid.push(rejectedDecision(key, 'invalid', intent.kind, now.toISOString()));
    }
  }
  if (invalid.length === 0 && touched.length === 0) return undefined;
  return (target) => {
    const map = target.getMap<unknown>(riderDocKeys.bookingDecisions);
    for (const d of invalid) if (!map.has(d.intentId)) writeEntry(map as Y.Map<unknown>, d.intentId, d);
    // Runs inside this document's queue: started, not awaited (the refresh writes to this document too).
    tripDocs.refreshInBackground(touched);
  };
}

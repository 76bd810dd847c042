import { useDocument, useDocumentStatus, useSession, useYMapEntries } from '@kigaligo/client';
import { type BookingDecision, type BookingIntent, bookingDecision, bookingIntent } from '@kigaligo/domain';
import { riderDocKeys } from '@kigaligo/sync-protocol';
import { useCallback, useMemo } from 'react';
import type { Booking } from './booking-state';

type Entry = Record<string, unknown>;

/**
 * The rider's bookings from their synced document: intents they made on this or another phone (possibly
 * offline) and the server's decisions next to them. Entries that fail the domain schema are left out.
 */
export function useBookings() {
  const session = useSession();
  const doc = useDocument(session ? `rider:${session.user.id}` : null);
  const status = useDocumentStatus(doc);
  const intents = useYMapEntries<Entry>(doc, riderDocKeys.bookingIntents);
  const decisions = useYMapEntries<Entry>(doc, riderDocKeys.bookingDecisions);
  const { put } = intents;

  const bookings = useMemo(() => {
    const out: Booking[] = [];
    for (const [id, raw] of Object.entries(intents.entries)) {
      const intent = bookingIntent.safeParse(raw);
      if (!intent.success || intent.data.id !== id) continue;
      const decided = decisions.entries[id] ? bookingDecision.safeParse(decisions.entries[id]) : null;
      out.push({ intent: intent.data, decision: decided?.success ? decided.data : null });
    }
    return out.sort((a, b) => b.intent.createdAt.localeCompare(a.intent.createdAt));
  }, [intents.entries, decisions.entries]);

  /** Writes the intent into the document: on this phone at once, on the server when it syncs. */
  const book = useCallback((intent: BookingIntent) => put(intent.id, intent as unknown as Entry), [put]);

  /** Cancelling is a field on the intent; the server applies the cancellation rules and answers. */
  const cancel = useCallback(
    (intent: BookingIntent) =>
      put(intent.id, { ...intent, cancelRequestedAt: new Date().toISOString() } as unknown as Entry),
    [put],
  );

  return { bookings, book, cancel, pending: status.pending, ready: intents.ready };
}

export type { BookingDecision };

import {
  rejectionKey,
  riderDocKeys,
  useDocumentRejection,
  useDocumentStatus,
  useRiderDoc,
  useYMapEntries,
} from '@kigaligo/client';
import {
  type BookingDecision,
  type BookingIntent,
  bookingDecision,
  bookingIntent,
  type ReconcileRejection,
  reconcileRejection,
} from '@kigaligo/domain';
import { useCallback, useMemo } from 'react';
import { type BookPrefill, prefillOf } from './booking-route';
import type { Booking } from './booking-state';

/** A booking the server rejected (SS12): what the rider wrote, kept until they send it again or discard it. */
export interface NotSentBooking {
  key: string;
  rejection: ReconcileRejection;
  /** As much of the intent as the booking form can take back. */
  prefill: BookPrefill;
}

type Entry = Record<string, unknown>;

/**
 * The rider's bookings from their synced document: intents they made on this or another phone (possibly
 * offline) and the server's decisions next to them. Intents the server rejected are `notSent`, with what
 * the rider wrote, whatever it is; other entries that fail the domain schema are left out.
 */
export function useBookings() {
  const doc = useRiderDoc();
  const status = useDocumentStatus(doc);
  const intents = useYMapEntries<Entry>(doc, riderDocKeys.bookingIntents);
  const decisions = useYMapEntries<Entry>(doc, riderDocKeys.bookingDecisions);
  const rejections = useYMapEntries<Entry>(doc, riderDocKeys.rejections);
  /** The rider document as a whole (SS12 `*`): bookings and saved routes alike wait on the next change. */
  const documentRejection = useDocumentRejection(doc, riderDocKeys.rejections);
  const { put, remove } = intents;

  const notSent = useMemo(() => {
    const out: NotSentBooking[] = [];
    for (const [key, raw] of Object.entries(intents.entries)) {
      const rejected = reconcileRejection.safeParse(
        rejections.entries[rejectionKey(riderDocKeys.bookingIntents, key)],
      );
      if (rejected.success) out.push({ key, rejection: rejected.data, prefill: prefillOf(raw) });
    }
    return out;
  }, [intents.entries, rejections.entries]);

  const bookings = useMemo(() => {
    const out: Booking[] = [];
    const rejected = new Set(notSent.map((n) => n.key));
    for (const [id, raw] of Object.entries(intents.entries)) {
      if (rejected.has(id)) continue;
      const intent = bookingIntent.safeParse(raw);
      if (!intent.success || intent.data.id !== id) continue;
      const decided = decisions.entries[id] ? bookingDecision.safeParse(decisions.entries[id]) : null;
      out.push({ intent: intent.data, decision: decided?.success ? decided.data : null });
    }
    return out.sort((a, b) => b.intent.createdAt.localeCompare(a.intent.createdAt));
  }, [intents.entries, decisions.entries, notSent]);

  /** Writes the intent into the document: on this phone at once, on the server when it syncs. */
  const book = useCallback((intent: BookingIntent) => put(intent.id, intent as unknown as Entry), [put]);

  /** Cancelling is a field on the intent; the server applies the cancellation rules and answers. */
  const cancel = useCallback(
    (intent: BookingIntent) =>
      put(intent.id, { ...intent, cancelRequestedAt: new Date().toISOString() } as unknown as Entry),
    [put],
  );

  /**
   * Sends a rejected booking again as a new intent (a new id: the old one was answered) and only then clears
   * the old entry, so what the rider wrote is never lost.
   */
  const resend = useCallback(
    (intent: BookingIntent, replaces: string) => {
      put(intent.id, intent as unknown as Entry);
      remove(replaces);
    },
    [put, remove],
  );

  return {
    bookings,
    notSent,
    documentRejection,
    book,
    cancel,
    resend,
    discard: remove,
    pending: status.pending,
    ready: intents.ready,
  };
}

export type { BookingDecision };

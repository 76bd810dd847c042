import { docName, driverDoc, driverDocKeys, riderDoc, riderDocKeys } from '@kigaligo/sync-protocol';
import { asc, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { Db } from '../db/client';
import { tripEvents, tripOffers, users } from '../db/schema';
import { type DocWriter, writeEntry } from '../sync/doc-type';
import { assignmentFor, decisionFor } from './trip-decision';
import { loadTripView } from './trip-view';

/**
 * Mirrors a trip's current state into the synced documents: the rider's server-only
 * `bookingDecisions[intentId]` and the assigned driver's `assignments[tripId]` (SS10). Call it after the
 * transaction that changed the trip (or its payment) has committed: it reads what was committed.
 * Drivers whose offer ended lose its assignment. It never throws: the database is the truth and the next
 * refresh repairs a document a failed write left behind, so failures are logged, not passed to the caller.
 */
export class TripDocs {
  private readonly pending = new Set<Promise<void>>();
  /** One refresh per trip at a time, so an older state never lands after a newer one. */
  private readonly chains = new Map<string, Promise<void>>();
  private readonly listeners: ((tripId: string) => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly logger: Logger,
    /** The engine's document writer (`sync.serverWrite` in the running server). */
    private readonly write: DocWriter,
  ) {}

  /** Hears of every committed trip change (the live hub: who rides in what decides what they see). */
  onRefresh(listener: (tripId: string) => void): void {
    this.listeners.push(listener);
  }

  refresh(tripId: string): Promise<void> {
    for (const listener of this.listeners) listener(tripId);
    const previous = this.chains.get(tripId) ?? Promise.resolve();
    const next = previous.then(() =>
      this.apply(tripId).catch((err: unknown) => {
        this.logger.error({ err, tripId }, 'writing the trip into its documents failed');
      }),
    );
    this.chains.set(tripId, next);
    this.pending.add(next);
    void next.finally(() => {
      this.pending.delete(next);
      if (this.chains.get(tripId) === next) this.chains.delete(tripId);
    });
    return next;
  }

  /** Starts refreshes without waiting for them (from inside a document's queue, where waiting would deadlock). */
  refreshInBackground(tripIds: Iterable<string>): void {
    for (const id of new Set(tripIds)) void this.refresh(id);
  }

  /** Resolves when every refresh started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  private async apply(tripId: string): Promise<void> {
    const view = await loadTripView(this.db, tripId);
    if (!view) return;
    const events = await this.db
      .select({ to: tripEvents.toStatus, at: tripEvents.createdAt })
      .from(tripEvents)
      .where(eq(tripEvents.tripId, tripId))
      .orderBy(asc(tripEvents.createdAt));
    const decision = decisionFor(view);
    if (decision) {
      await this.write(docName(riderDoc(view.riderId)), (doc: Y.Doc) => {
        writeEntry(doc.getMap(riderDocKeys.bookingDecisions), view.intentId, decision);
      });
    }
    if (view.driverId) {
      const assignedAt = events.filter((e) => e.to === 'assigned').at(-1)?.at ?? new Date(view.requestedAt);
      const [rider] = await this.db
        .select({ phone: users.phone })
        .from(users)
        .where(eq(users.id, view.riderId));
      const assignment = assignmentFor(view, assignedAt.toISOString(), rider?.phone ?? null);
      await this.write(docName(driverDoc(view.driverId)), (doc: Y.Doc) => {
        writeEntry(doc.getMap(driverDocKeys.assignments), view.id, assignment);
      });
    }
    // Drivers whose offer ended (declined, expired, withdrawn): the trip is no longer theirs to see. A late
    // answer from one of them is told why (driver-actions.ts), not silently dropped.
    const formerDrivers = new Set(
      (
        await this.db
          .selectDistinct({ driverId: tripOffers.driverId })
          .from(tripOffers)
          .where(eq(tripOffers.tripId, tripId))
      )
        .map((o) => o.driverId)
        .filter((id) => id !== view.driverId),
    );
    for (const driverId of formerDrivers) {
      await this.write(docName(driverDoc(driverId)), (doc: Y.Doc) => {
        const map = doc.getMap(driverDocKeys.assignments);
        if (map.has(view.id)) map.delete(view.id);
      });
    }
  }
}

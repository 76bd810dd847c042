import type { DispatchPolicy } from '@kigaligo/domain';
import { and, asc, eq, lte } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { tripOffers } from '../db/schema';
import { expireOffer } from './dispatch-offers';
import type { TripDocs } from './trip-docs';
import { lockTrip } from './trip-moves';

/** Expired offers handled per sweep; the rest wait for the next tick (a second later). */
const BATCH = 50;

/**
 * Moves on every offer nobody answered in time: frees the vehicle, offers the trip to the next vehicle or
 * tells the rider no driver was found (dispatch-offers.ts). Each trip in its own transaction under the trip's
 * row lock, so several server processes may sweep at once and an offer is still expired once; an accept
 * racing the sweep is serialised by the same lock (whichever comes first wins, the other is told).
 */
export class DispatchWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly policy: DispatchPolicy,
    private readonly tripDocs: TripDocs,
    private readonly logger: Logger,
    private readonly pollMs = 1000,
  ) {}

  start(): void {
    const tick = async () => {
      await this.sweep().catch((err: unknown) => this.logger.error({ err }, 'dispatch sweep failed'));
      if (this.stopped) return;
      this.timer = setTimeout(tick, this.pollMs);
      this.timer.unref();
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Handles the offers expired at `now`; returns how many trips moved on. One sweep at a time. */
  sweep(now = new Date()): Promise<number> {
    this.running ??= this.expireDue(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async expireDue(now: Date): Promise<number> {
    const due = await this.db
      .select({ tripId: tripOffers.tripId })
      .from(tripOffers)
      .where(and(eq(tripOffers.status, 'offered'), lte(tripOffers.expiresAt, now)))
      .orderBy(asc(tripOffers.expiresAt))
      .limit(BATCH);
    let moved = 0;
    for (const { tripId } of due) {
      try {
        const changed = await this.db.transaction(async (tx) =>
          expireOffer(tx, await lockTrip(tx, tripId), now, this.policy),
        );
        if (!changed) continue;
        moved++;
        await this.tripDocs.refresh(tripId);
      } catch (err) {
        // One trip failing (a provider error while voiding its payment…) must not hold up the others.
        this.logger.error({ err, tripId }, 'expiring a dispatch offer failed');
      }
    }
    return moved;
  }
}

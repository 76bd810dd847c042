import type { Position, PositionBatchResult } from '@kigaligo/domain';
import { ApiRequestError, NetworkError, SignedOutError } from '../api-error';
import { RetryingDrain } from '../retrying-drain';
import { backoffDelay } from '../sync/sync-connection';
import { type PositionOutbox, toPosition } from './position-outbox';

/** The server's code for a batch none of whose fixes falls in one of the driver's shifts on the vehicle. */
const OUTSIDE_SHIFT = 'outside_shift';

/** Why fixes are still waiting: no network, no session, the server refused the batch, or it failed. */
export type UploadProblem = 'offline' | 'signed-out' | 'refused' | 'server' | null;

export interface UploaderOptions {
  outbox: PositionOutbox;
  post(vehicleId: string, positions: Position[]): Promise<PositionBatchResult>;
  /** False while the device knows it is offline: then the `online` event (→ kick) resumes, not a timer. */
  isOnline(): boolean;
  onProblem?(problem: UploadProblem): void;
  maxBackoffMs?: number;
  batchSize?: number;
}

/**
 * Drains the outbox batch by batch. Event-driven: a new fix, the network coming back or the session
 * changing call `kick()`; a timer exists only while fixes wait after a failure. Nothing runs when the
 * outbox is empty. One drain at a time per tab; kicks during a drain make it look again at the end.
 */
export class PositionUploader {
  private readonly loop: RetryingDrain<UploadProblem>;

  constructor(private readonly opts: UploaderOptions) {
    this.loop = new RetryingDrain({
      drain: () => this.drain(),
      // IndexedDB itself failed (or was closed by destroy()): the fixes are wherever it left them;
      // retry later unless this uploader is gone.
      onError: (err) => this.fail(err),
      // A 4xx for the whole batch (not on shift for this vehicle, malformed) will not heal in seconds:
      // wait the longest, but keep the fixes — only a per-id answer may remove them.
      delay: (failures, err) => {
        const cap = this.opts.maxBackoffMs ?? 60_000;
        return isRefused(err) ? cap : backoffDelay(failures + 2, cap);
      },
      onProblem: (problem) => this.opts.onProblem?.(problem),
    });
  }

  /**
   * Asks for an upload. While backing off after a failure a new fix does not cut the wait short (a fix per
   * second would otherwise hammer a failing server); `force` does — used when the network just came back.
   */
  kick(force = false): void {
    this.loop.kick(force);
  }

  /** Uploads everything it can now; resolves when the outbox is empty or an upload failed. */
  flush(): Promise<void> {
    return this.loop.flush();
  }

  private async drain(): Promise<void> {
    const { outbox, batchSize } = this.opts;
    for (;;) {
      if (this.loop.destroyed) return;
      const batch = await outbox.nextBatch(batchSize);
      if (!batch) {
        this.loop.setProblem(null);
        return;
      }
      if (!this.opts.isOnline()) {
        this.loop.setProblem('offline');
        return;
      }
      try {
        const result = await this.opts.post(batch.vehicleId, batch.rows.map(toPosition)).catch((err) => {
          // None of these was recorded during one of the driver's shifts on the vehicle: the server's final
          // answer for each of them, however often they are sent — kept aside with the reason, not retried.
          if (err instanceof ApiRequestError && err.code === OUTSIDE_SHIFT) {
            const rejected = batch.rows.map((r) => ({ id: r.id, reason: OUTSIDE_SHIFT }));
            return { accepted: 0, duplicates: 0, rejected };
          }
          throw err;
        });
        await outbox.settle(batch, result);
        this.loop.succeeded();
      } catch (err) {
        this.fail(err);
        return;
      }
    }
  }

  private fail(err: unknown): void {
    if (err instanceof SignedOutError) {
      this.loop.setProblem('signed-out');
      return;
    }
    this.loop.backOff(err, err instanceof NetworkError ? 'offline' : isRefused(err) ? 'refused' : 'server');
  }

  getProblem(): UploadProblem {
    return this.loop.getProblem();
  }

  /** True while a retry timer is pending (tests use it to check there is no loop when idle). */
  get retrying(): boolean {
    return this.loop.retrying;
  }

  destroy(): void {
    this.loop.destroy();
  }
}

function isRefused(err: unknown): boolean {
  return err instanceof ApiRequestError && err.status >= 400 && err.status < 500 && err.status !== 429;
}

import type { Position, PositionBatchResult } from '@kigaligo/domain';
import { ApiRequestError, NetworkError, SignedOutError } from '../api-error';
import { backoffDelay } from '../sync/sync-connection';
import { type PositionOutbox, toPosition } from './position-outbox';

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
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private problem: UploadProblem = null;
  private destroyed = false;

  constructor(private readonly opts: UploaderOptions) {}

  /**
   * Asks for an upload. While backing off after a failure a new fix does not cut the wait short (a fix per
   * second would otherwise hammer a failing server); `force` does — used when the network just came back.
   */
  kick(force = false): void {
    if (this.destroyed) return;
    if (this.timer && !force) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (force) this.failures = 0;
    void this.flush();
  }

  /** Uploads everything it can now; resolves when the outbox is empty or an upload failed. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.drain().catch((err: unknown) => {
          // IndexedDB itself failed (or was closed by destroy()): the fixes are wherever it left them;
          // retry later unless this uploader is gone.
          if (!this.destroyed) this.fail(err);
        });
      } while (this.again && !this.timer && !this.destroyed);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(): Promise<void> {
    const { outbox, batchSize } = this.opts;
    for (;;) {
      if (this.destroyed) return;
      const batch = await outbox.nextBatch(batchSize);
      if (!batch) {
        this.setProblem(null);
        return;
      }
      if (!this.opts.isOnline()) {
        this.setProblem('offline');
        return;
      }
      try {
        const result = await this.opts.post(batch.vehicleId, batch.rows.map(toPosition));
        await outbox.settle(batch, result);
        this.failures = 0;
        this.setProblem(null);
      } catch (err) {
        this.fail(err);
        return;
      }
    }
  }

  private fail(err: unknown): void {
    if (err instanceof SignedOutError) {
      this.setProblem('signed-out');
      return;
    }
    const cap = this.opts.maxBackoffMs ?? 60_000;
    this.failures++;
    // A 4xx for the whole batch (not on shift for this vehicle, malformed) will not heal in seconds:
    // wait the longest, but keep the fixes — only a per-id answer may remove them.
    const refused =
      err instanceof ApiRequestError && err.status >= 400 && err.status < 500 && err.status !== 429;
    this.setProblem(err instanceof NetworkError ? 'offline' : refused ? 'refused' : 'server');
    const delay = refused ? cap : backoffDelay(this.failures + 2, cap);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delay);
  }

  private setProblem(problem: UploadProblem): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.opts.onProblem?.(problem);
  }

  getProblem(): UploadProblem {
    return this.problem;
  }

  /** True while a retry timer is pending (tests use it to check there is no loop when idle). */
  get retrying(): boolean {
    return this.timer !== undefined;
  }

  destroy(): void {
    this.destroyed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

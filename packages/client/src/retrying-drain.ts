export interface RetryingDrainOptions<P> {
  /**
   * One pass over the work: returns when nothing is left, when it must wait (offline, signed out) or after
   * calling `backOff`. Check `destroyed` between steps. A throw is handed to `onError`.
   */
  drain(): Promise<void>;
  /** `drain()` threw (e.g. IndexedDB failed or was closed), unless destroyed: usually calls `backOff`. */
  onError(err: unknown): void;
  /** Delay before the next attempt after `failures` failures in a row (built on `backoffDelay`). */
  delay(failures: number, err: unknown): number;
  onProblem?(problem: P | null): void;
}

/**
 * The retry loop shared by the uploaders and the request queue (positions, evidence, queued requests).
 * Event-driven, so nothing runs while idle: callers `kick()` on new work, the network's return or a session
 * change, and a timer exists only while backing off after a failure. One drain runs at a time; a kick or
 * flush during it sets `again`, which re-runs the drain once it ends (unless a backoff started). A plain
 * kick does not cut a backoff short (new work every second would hammer a failing server); `force` does,
 * and resets the failure count — used when the network comes back or the person asks for it.
 */
export class RetryingDrain<P> {
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private problem: P | null = null;
  private isDestroyed = false;

  constructor(private readonly opts: RetryingDrainOptions<P>) {}

  /** Asks for a drain; ignored while backing off unless `force`. */
  kick(force = false): void {
    if (this.isDestroyed) return;
    if (this.timer && !force) return;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (force) this.failures = 0;
    void this.flush();
  }

  /** Drains now (or once more after the running drain); resolves when that is done or an attempt failed. */
  flush(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.opts.drain().catch((err: unknown) => {
          if (!this.isDestroyed) this.opts.onError(err);
        });
      } while (this.again && !this.timer && !this.isDestroyed);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** An attempt went through: the next failure starts the backoff from the beginning. */
  succeeded(): void {
    this.failures = 0;
    this.setProblem(null);
  }

  /** An attempt failed: report `problem` and retry after the next delay. */
  backOff(err: unknown, problem: P): void {
    this.failures++;
    this.setProblem(problem);
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        void this.flush();
      },
      this.opts.delay(this.failures, err),
    );
  }

  setProblem(problem: P | null): void {
    if (problem === this.problem) return;
    this.problem = problem;
    this.opts.onProblem?.(problem);
  }

  getProblem(): P | null {
    return this.problem;
  }

  /** True while a retry timer is pending. */
  get retrying(): boolean {
    return this.timer !== undefined;
  }

  get destroyed(): boolean {
    return this.isDestroyed;
  }

  destroy(): void {
    this.isDestroyed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

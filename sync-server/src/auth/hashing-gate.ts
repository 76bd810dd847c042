import { tooManyRequests } from '../domain-error';

/**
 * Bounds how many password hashes run at once. Each scrypt hash holds 32 MiB while it runs, so a flood of
 * sign-ups or sign-ins would otherwise grow memory without limit: excess requests wait in a short queue, and
 * beyond it are answered 429 with Retry-After instead of being started.
 */
export class HashingGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  /** The most hashes ever running at once (tests and the benchmark read it). */
  peak = 0;

  constructor(
    readonly concurrency: number,
    readonly maxQueued: number,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxQueued) throw tooManyRequests(2);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    this.peak = Math.max(this.peak, this.running);
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      // A waiter inherits this slot, so `running` only drops when nobody waits.
      if (next) next();
      else this.running--;
    }
  }
}

import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';
import { type AfterCommit, type Providers, type TopicHandler, topicHandler } from './providers';
import type { OutboxTopic } from './topics';

export type OutboxRow = typeof outbox.$inferSelect;

export interface OutboxWorkerOptions {
  /**
   * After this many failed deliveries a message is dead-lettered (kept, shown to admins, retryable); polls of a
   * collection the provider has not decided yet do not count.
   */
  maxAttempts?: number;
  /** First retry delay; doubles each attempt (with jitter), capped at maxDelayMs. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  pollMs?: number;
  batchSize?: number;
  /** Told every delivery's outcome once it is recorded (the metrics count them by topic). */
  onOutcome?: (topic: string, outcome: 'sent' | 'retry' | 'dead') => void;
}

// A claimed message is invisible to other workers this long; a worker that dies mid-delivery releases it by
// simply not finishing, and the message is tried again (providers de-duplicate by idempotency key).
const CLAIM_MS = 60_000;

export function retryDelay(attempts: number, base: number, max: number, random = Math.random): number {
  const exp = Math.min(max, base * 2 ** (attempts - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/** Delivers outbox messages with retries and exponential backoff; several workers may run at once. */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private readonly opts: Required<OutboxWorkerOptions>;

  constructor(
    private readonly db: Db,
    private readonly providers: Providers,
    private readonly logger: Logger,
    opts: OutboxWorkerOptions = {},
  ) {
    this.opts = {
      maxAttempts: 6,
      baseDelayMs: 2000,
      maxDelayMs: 10 * 60_000,
      pollMs: 1000,
      batchSize: 20,
      onOutcome: () => {},
      ...opts,
    };
  }

  start(): void {
    const tick = async () => {
      await this.runOnce().catch((err: unknown) => this.logger.error({ err }, 'outbox run failed'));
      this.timer = setTimeout(tick, this.opts.pollMs);
      this.timer.unref();
    };
    void tick();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    await this.running;
  }

  /** Claims and delivers what is due now; returns how many messages it handled. */
  runOnce(): Promise<number> {
    this.running ??= this.deliverDue().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async deliverDue(): Promise<number> {
    const claimed = await this.db.transaction(async (tx) => {
      const due = await tx
        .select({ id: outbox.id })
        .from(outbox)
        // The database's clock, which stamped a new message's due time in microseconds: a JavaScript Date
        // of the same millisecond is earlier, and a message enqueued just before would wait a poll.
        .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, sql`now()`)))
        .orderBy(asc(outbox.nextAttemptAt))
        .limit(this.opts.batchSize)
        .for('update', { skipLocked: true });
      if (due.length === 0) return [];
      return tx
        .update(outbox)
        .set({ nextAttemptAt: new Date(Date.now() + CLAIM_MS), attempts: sql`${outbox.attempts} + 1` })
        .where(
          inArray(
            outbox.id,
            due.map((d) => d.id),
          ),
        )
        .returning();
    });
    for (const message of claimed) await this.deliverOne(message);
    return claimed.length;
  }

  private async deliverOne(message: OutboxRow): Promise<void> {
    const provider = this.providers[message.topic as OutboxTopic];
    const handler: TopicHandler | undefined = provider ? topicHandler(provider) : undefined;
    let result: Record<string, unknown>;
    try {
      if (!handler) throw new Error(`no provider for topic ${message.topic}`);
      result = await handler.deliver(message.payload, message.idempotencyKey);
    } catch (err) {
      await this.failed(message, handler, err);
      return;
    }
    // Marking the message sent and applying its result (a payment's new status) commit together: a crash in
    // between redelivers, and the provider's idempotency key turns that into the same answer.
    let afterCommit: unknown;
    try {
      afterCommit = await this.db.transaction(async (tx) => {
        await tx
          .update(outbox)
          .set({ status: 'sent', result, sentAt: new Date(), lastError: null })
          .where(eq(outbox.id, message.id));
        return handler?.afterDelivery?.(tx, message, result);
      });
    } catch (err) {
      // Nothing committed: the message is retried like a failed delivery (the provider repeats its answer).
      await this.failed(message, handler, err);
      return;
    }
    this.opts.onOutcome(message.topic, 'sent');
    await this.runAfterCommit(afterCommit, message);
  }

  private async failed(message: OutboxRow, handler: TopicHandler | undefined, err: unknown): Promise<void> {
    const permanent = (err as { permanent?: unknown } | null)?.permanent === true;
    // "Not decided yet" (a mobile-money collection still PENDING) is no failure: it is asked again at the
    // capped backoff until the provider answers, so money it may still collect is never orphaned by a dead letter.
    const stillPending = (err as { stillPending?: unknown } | null)?.stillPending === true;
    // Polls and failures are counted apart: a timeout after hours of PENDING is a first failure, not the last.
    const failures = stillPending ? message.failures : message.failures + 1;
    const maxAttempts = handler?.maxAttempts ?? this.opts.maxAttempts;
    const dead = !stillPending && (permanent || failures >= maxAttempts);
    const delay = retryDelay(
      stillPending ? message.attempts : failures,
      this.opts.baseDelayMs,
      this.opts.maxDelayMs,
    );
    const lastError = (err instanceof Error ? err.message : String(err)).slice(0, 500);
    const afterCommit = await this.db.transaction(async (tx) => {
      await tx
        .update(outbox)
        .set({
          status: dead ? 'dead' : 'pending',
          failures,
          lastError,
          nextAttemptAt: new Date(Date.now() + delay),
        })
        .where(eq(outbox.id, message.id));
      // Only a dead message changes the domain (a charge that will not be tried again fails the payment).
      return dead ? handler?.onDead?.(tx, message, lastError) : undefined;
    });
    this.opts.onOutcome(message.topic, dead ? 'dead' : 'retry');
    this.logger.warn(
      { id: message.id, topic: message.topic, attempts: message.attempts, dead },
      'outbox delivery failed',
    );
    await this.runAfterCommit(afterCommit, message);
  }

  private async runAfterCommit(work: unknown, message: OutboxRow): Promise<void> {
    if (typeof work !== 'function') return;
    await Promise.resolve()
      .then(() => (work as AfterCommit)())
      .catch((err: unknown) =>
        this.logger.error({ err, id: message.id, topic: message.topic }, 'outbox after-commit work failed'),
      );
  }
}

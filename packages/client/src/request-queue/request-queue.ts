import { liveQuery } from 'dexie';
import type { ApiRequest } from '../api-routes';
import { errorInfo } from '../evidence/evidence-uploader';
import { classifyFailure, retryDelay } from '../evidence/retry-policy';
import { RetryingDrain } from '../retrying-drain';
import type { QueuedRequest, RequestQueueDatabase } from './request-queue-database';

export type QueueProblem = 'offline' | 'signed-out' | 'server' | null;

export interface RequestQueueOptions {
  db: RequestQueueDatabase;
  /** Sends one request; resolves with the parsed answer on 2xx, throws the client's errors otherwise. */
  send(request: QueuedRequest): Promise<unknown>;
  isOnline(): boolean;
  /** After each request the server accepted, e.g. to reload the screens that show its subject. */
  onSent?(request: QueuedRequest, response: unknown): void;
  onProblem?(problem: QueueProblem): void;
  maxBackoffMs?: number;
  random?: () => number;
}

/** A request built by `apiRequest`, and what it is about. */
export type NewRequest = ApiRequest<QueuedRequest['method']> & Pick<QueuedRequest, 'subject' | 'action'>;

/**
 * Decisions made on a device that may be offline (an admin resolving a report on a bad connection), kept in
 * IndexedDB and sent one at a time in the order they were made. A network failure or a 5xx stops the line
 * and retries with backoff (later decisions may depend on earlier ones); a refusal (4xx) is kept with the
 * server's reason for the person to see and dismiss, and the line moves on.
 */
export class RequestQueue {
  private readonly loop: RetryingDrain<QueueProblem>;

  constructor(private readonly opts: RequestQueueOptions) {
    this.loop = new RetryingDrain({
      drain: () => this.drain(),
      onError: (err) => this.backOff(err),
      delay: (failures, err) => retryDelay(failures, this.opts.maxBackoffMs, this.opts.random, err),
      onProblem: (problem) => this.opts.onProblem?.(problem),
    });
  }

  /** Stores the request (durable before this resolves) and tries to send it. */
  async enqueue(request: NewRequest): Promise<QueuedRequest> {
    const row: QueuedRequest = {
      ...request,
      id: crypto.randomUUID(),
      createdAt: Date.now(),
      state: 'waiting',
      attempts: 0,
    };
    row.seq = await this.opts.db.requests.add(row);
    this.kick(true);
    return row;
  }

  /** Forgets a refused request (the person has read why). */
  async dismiss(seq: number): Promise<void> {
    await this.opts.db.requests.delete(seq);
  }

  /** Puts a refused request back at its place in the line (after fixing what made it fail elsewhere). */
  async retry(seq: number): Promise<void> {
    await this.opts.db.requests.update(seq, { state: 'waiting', error: undefined });
    this.kick(true);
  }

  kick(force = false): void {
    this.loop.kick(force);
  }

  flush(): Promise<void> {
    return this.loop.flush();
  }

  private async drain(): Promise<void> {
    const { db } = this.opts;
    for (;;) {
      if (this.loop.destroyed) return;
      const next = await db.requests.where('state').equals('waiting').first();
      if (!next) {
        this.loop.setProblem(null);
        return;
      }
      if (!this.opts.isOnline()) {
        this.loop.setProblem('offline');
        return;
      }
      let response: unknown;
      try {
        response = await this.opts.send(next);
      } catch (err) {
        const action = classifyFailure(err);
        if (action === 'refused') {
          await db.requests.update(next.seq!, {
            state: 'refused',
            attempts: next.attempts + 1,
            error: errorInfo(err),
          });
          continue;
        }
        if (action === 'signed-out') {
          this.loop.setProblem('signed-out');
          return;
        }
        await db.requests.update(next.seq!, { attempts: next.attempts + 1, error: errorInfo(err) });
        this.backOff(err);
        return;
      }
      await db.requests.delete(next.seq!);
      this.loop.succeeded();
      this.opts.onSent?.(next, response);
    }
  }

  private backOff(err: unknown): void {
    this.loop.backOff(err, classifyFailure(err) === 'offline' ? 'offline' : 'server');
  }

  getProblem(): QueueProblem {
    return this.loop.getProblem();
  }

  get retrying(): boolean {
    return this.loop.retrying;
  }

  /** Every request not yet sent (waiting and refused), in order, live across tabs. */
  watch(listener: (requests: QueuedRequest[]) => void): () => void {
    const sub = liveQuery(() => this.opts.db.requests.orderBy('seq').toArray()).subscribe({
      next: listener,
      error: () => {},
    });
    return () => sub.unsubscribe();
  }

  destroy(): void {
    this.loop.destroy();
  }
}

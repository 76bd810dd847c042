import { authorizedFetch, ensureOk, type FetchDeps } from '../authorized-fetch';
import { sharedPerUser } from '../shared-per-user';
import { type QueueProblem, RequestQueue } from './request-queue';
import { type QueuedRequest, RequestQueueDatabase } from './request-queue-database';

export interface QueueSnapshot {
  requests: QueuedRequest[];
  problem: QueueProblem;
}

type SentListener = (request: QueuedRequest, response: unknown) => void;

/** One user's request queue on this device, sending through the session's token when online. */
export class RequestQueueService {
  readonly queue: RequestQueue;
  private snapshot: QueueSnapshot = { requests: [], problem: null };
  private readonly listeners = new Set<() => void>();
  private readonly sent = new Set<SentListener>();
  private readonly cleanups: (() => void)[] = [];
  private readonly db: RequestQueueDatabase;

  constructor(userId: string, deps: FetchDeps) {
    this.db = new RequestQueueDatabase(userId);
    this.queue = new RequestQueue({
      db: this.db,
      isOnline: () => deps.connectivity.isOnline(),
      send: async (request) => {
        const res = await ensureOk(
          await authorizedFetch(deps, request.path, {
            method: request.method,
            headers: {
              accept: 'application/json',
              'content-type': 'application/json',
              'idempotency-key': request.id,
            },
            body: request.body === undefined ? null : JSON.stringify(request.body),
          }),
        );
        return res.status === 204 ? undefined : res.json().catch(() => undefined);
      },
      onSent: (request, response) => {
        for (const l of this.sent) l(request, response);
      },
      onProblem: (problem) => this.set({ problem }),
    });
    this.cleanups.push(
      this.queue.watch((requests) => this.set({ requests })),
      deps.connectivity.subscribe(() => {
        if (deps.connectivity.isOnline()) this.queue.kick(true);
      }),
    );
    this.queue.kick();
  }

  /** Called after each request the server accepted (any tab's screen may reload what it shows). */
  onSent(listener: SentListener): () => void {
    this.sent.add(listener);
    return () => this.sent.delete(listener);
  }

  getSnapshot = (): QueueSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<QueueSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }

  destroy(): void {
    for (const c of this.cleanups.splice(0)) c();
    this.queue.destroy();
    this.listeners.clear();
    this.sent.clear();
    this.db.close();
  }
}

const shared = sharedPerUser((userId, deps) => new RequestQueueService(userId, deps));

/** The user's shared queue: one per tab, so requests are sent once and in order. */
export function acquireRequestQueue(deps: FetchDeps, userId: string): RequestQueueService {
  return shared.acquire(deps, userId);
}

export function releaseRequestQueue(deps: FetchDeps, userId: string): void {
  shared.release(deps, userId);
}

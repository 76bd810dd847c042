import type { EvidenceRef } from '@kigaligo/domain';
import { ApiRequestError } from '../api-error';
import { RetryingDrain } from '../retrying-drain';
import type { EvidenceStore } from './evidence-store';
import { classifyFailure, retryDelay } from './retry-policy';

/** Why files are still waiting: no network, no session, or the server failing (retrying). */
export type EvidenceUploadProblem = 'offline' | 'signed-out' | 'server' | null;

export interface EvidenceUploaderOptions {
  store: EvidenceStore;
  /** Sends one file (PUT /api/evidence/<sha256>); resolves once the server has stored it. */
  put(ref: EvidenceRef, blob: Blob): Promise<void>;
  /** False while the device knows it is offline: then `kick()` on the network's return resumes. */
  isOnline(): boolean;
  onProblem?(problem: EvidenceUploadProblem): void;
  maxBackoffMs?: number;
  random?: () => number;
}

/**
 * Sends queued evidence, oldest first, one file at a time. The queue is in IndexedDB, so uploads resume
 * after a reload, a crash or days offline; the server names files by their hash, so sending one again
 * (the answer was lost, two tabs raced) stores nothing new. Event-driven like the position uploader:
 * `kick()` on submit, on the network's return and at start; a timer exists only while backing off.
 */
export class EvidenceUploader {
  private readonly loop: RetryingDrain<EvidenceUploadProblem>;

  constructor(private readonly opts: EvidenceUploaderOptions) {
    this.loop = new RetryingDrain({
      drain: () => this.drain(),
      onError: (err) => this.backOff(err),
      delay: (failures, err) => retryDelay(failures, this.opts.maxBackoffMs, this.opts.random, err),
      onProblem: (problem) => this.opts.onProblem?.(problem),
    });
  }

  /** Asks for an upload; `force` skips a running backoff (the network just came back). */
  kick(force = false): void {
    this.loop.kick(force);
  }

  /** Sends everything it can now; resolves when nothing is queued or an attempt failed. */
  flush(): Promise<void> {
    return this.loop.flush();
  }

  private async drain(): Promise<void> {
    const { store } = this.opts;
    for (;;) {
      if (this.loop.destroyed) return;
      const row = await store.nextQueued();
      if (!row) {
        this.loop.setProblem(null);
        return;
      }
      if (!this.opts.isOnline()) {
        this.loop.setProblem('offline');
        return;
      }
      try {
        const ref = { sha256: row.sha256, mime: row.mime, bytes: row.bytes };
        await this.opts.put(ref, new Blob([row.data], { type: row.mime }));
        await store.settle(row.sha256, { upload: 'uploaded' });
        this.loop.succeeded();
      } catch (err) {
        const action = classifyFailure(err);
        if (action === 'refused') {
          // The server will not take this file (type, size, digest): keep it with the reason, go on.
          await store.settle(row.sha256, { upload: 'refused', error: errorInfo(err) });
          continue;
        }
        if (action === 'signed-out') {
          this.loop.setProblem('signed-out');
          return;
        }
        await store.noteFailure(row.sha256, errorInfo(err));
        this.backOff(err);
        return;
      }
    }
  }

  private backOff(err: unknown): void {
    this.loop.backOff(err, classifyFailure(err) === 'offline' ? 'offline' : 'server');
  }

  getProblem(): EvidenceUploadProblem {
    return this.loop.getProblem();
  }

  /** True while a retry timer is pending (tests check there is no loop when idle). */
  get retrying(): boolean {
    return this.loop.retrying;
  }

  destroy(): void {
    this.loop.destroy();
  }
}

/** What the device keeps about a failure: the server's code and message, or the network's. */
export function errorInfo(err: unknown): { status: number; code: string; message: string } {
  if (err instanceof ApiRequestError) return { status: err.status, code: err.code, message: err.message };
  return { status: 0, code: 'network', message: err instanceof Error ? err.message : String(err) };
}

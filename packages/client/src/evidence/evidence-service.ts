import type { DexieOptions } from 'dexie';
import type { FetchDeps } from '../authorized-fetch';
import { sharedPerUser } from '../shared-per-user';
import { EvidenceDatabase } from './evidence-database';
import { downloadEvidence, putEvidence } from './evidence-http';
import { EvidenceStore } from './evidence-store';
import { EvidenceUploader, type EvidenceUploadProblem } from './evidence-uploader';

export interface EvidenceSnapshot {
  /** Files queued for upload, from every tab. */
  waiting: number;
  problem: EvidenceUploadProblem;
}

/** One user's evidence on this device: the store, its uploader, and the network's return kicking it. */
export class EvidenceService {
  readonly store: EvidenceStore;
  readonly uploader: EvidenceUploader;
  private snapshot: EvidenceSnapshot = { waiting: 0, problem: null };
  private readonly listeners = new Set<() => void>();
  private readonly cleanups: (() => void)[] = [];

  constructor(userId: string, deps: FetchDeps, dexie?: DexieOptions) {
    this.store = new EvidenceStore(new EvidenceDatabase(userId, dexie), {
      download: (sha256) => downloadEvidence(deps, sha256),
    });
    this.uploader = new EvidenceUploader({
      store: this.store,
      put: (ref, blob) => putEvidence(deps, ref, blob),
      isOnline: () => deps.connectivity.isOnline(),
      onProblem: (problem) => this.set({ problem }),
    });
    this.cleanups.push(
      this.store.watchWaiting((waiting) => this.set({ waiting })),
      deps.connectivity.subscribe(() => {
        if (deps.connectivity.isOnline()) this.uploader.kick(true);
      }),
    );
    // Files queued in an earlier session (reload, crash, days offline) go out as soon as possible.
    this.uploader.kick();
  }

  /** A report was submitted: send its files (already uploaded ones are skipped). */
  async submit(sha256s: readonly string[]): Promise<void> {
    await this.store.queue(sha256s);
    this.uploader.kick(true);
  }

  getSnapshot = (): EvidenceSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<EvidenceSnapshot>): void {
    const next = { ...this.snapshot, ...patch };
    if (next.waiting === this.snapshot.waiting && next.problem === this.snapshot.problem) return;
    this.snapshot = next;
    for (const l of this.listeners) l();
  }

  destroy(): void {
    for (const c of this.cleanups.splice(0)) c();
    this.uploader.destroy();
    this.listeners.clear();
    this.store.db.close();
  }
}

const shared = sharedPerUser((userId, deps) => new EvidenceService(userId, deps));

/**
 * The user's shared EvidenceService: every screen of a tab uses one store and one uploader (two uploaders
 * would send each file twice). Released services close a moment later, as a re-render often reopens them.
 */
export function acquireEvidence(deps: FetchDeps, userId: string): EvidenceService {
  return shared.acquire(deps, userId);
}

export function releaseEvidence(deps: FetchDeps, userId: string): void {
  shared.release(deps, userId);
}

import type { DexieOptions } from 'dexie';
import type { ConnectionOptions } from './sync-connection';
import { SyncDatabase } from './sync-database';
import { aggregate, idleStatus, type SyncStatus } from './sync-status';
import { SyncedDoc } from './synced-doc';
import { UpdateLog } from './update-log';

export interface SyncEngineOptions extends ConnectionOptions {
  userId: string;
  /** For tests in Node: fake-indexeddb's `indexedDB` and `IDBKeyRange`. */
  dexie?: DexieOptions;
  /** How long a document stays open after its last user let go (a re-render or route change often reopens it). */
  closeDelayMs?: number;
}

interface Entry {
  doc: SyncedDoc;
  refs: number;
  closeTimer?: ReturnType<typeof setTimeout>;
  unsubscribe: () => void;
}

/** The signed-in user's documents: opened once each, shared by every component that needs them. */
export class SyncEngine {
  readonly db: SyncDatabase;
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<() => void>();
  private status: SyncStatus = idleStatus;

  constructor(private readonly opts: SyncEngineOptions) {
    this.db = new SyncDatabase(opts.userId, opts.dexie);
  }

  /** Opens (or shares) a document; call `release(name)` when done with it. */
  open(name: string): SyncedDoc {
    let entry = this.entries.get(name);
    if (!entry) {
      const doc = new SyncedDoc(name, new UpdateLog(this.db, name), this.opts);
      entry = { doc, refs: 0, unsubscribe: doc.subscribe(this.recompute) };
      this.entries.set(name, entry);
      this.recompute();
    }
    clearTimeout(entry.closeTimer);
    entry.refs++;
    return entry.doc;
  }

  release(name: string): void {
    const entry = this.entries.get(name);
    if (!entry || --entry.refs > 0) return;
    entry.closeTimer = setTimeout(() => {
      if (entry.refs > 0) return;
      this.entries.delete(name);
      entry.unsubscribe();
      entry.doc.destroy();
      this.recompute();
    }, this.opts.closeDelayMs ?? 2_000);
  }

  getStatus = (): SyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private readonly recompute = () => {
    this.status = aggregate([...this.entries.values()].map((e) => e.doc.getStatus()));
    for (const l of this.listeners) l();
  };

  destroy(): void {
    for (const entry of this.entries.values()) {
      clearTimeout(entry.closeTimer);
      entry.unsubscribe();
      entry.doc.destroy();
    }
    this.entries.clear();
    this.listeners.clear();
    this.db.close();
  }
}

import * as Y from 'yjs';
import { type ConnectionOptions, SyncConnection } from './sync-connection';
import type { DocSyncStatus } from './sync-status';
import type { UpdateLog } from './update-log';

/** Transaction origin of updates read back from IndexedDB: they are stored already. */
const fromStorage = Symbol('kigaligo.storage');

/**
 * One Yjs document kept on the device and synced with the server: loads from IndexedDB first (so it opens
 * offline with everything done on this device), then connects. Every update is written to IndexedDB before
 * anything else sees it, so closing the tab right after an edit loses nothing.
 */
export class SyncedDoc {
  readonly doc = new Y.Doc();
  /** Resolves once the stored state is in `doc`; read the document only after it. */
  readonly loaded: Promise<void>;
  private readonly connection: SyncConnection;
  private status: DocSyncStatus = { state: 'offline', pending: 0, lastConfirmedAt: null, error: null };
  private readonly listeners = new Set<() => void>();
  private readonly unwatch: () => void;
  private compacting = false;
  private destroyed = false;

  constructor(
    readonly name: string,
    private readonly log: UpdateLog,
    options: ConnectionOptions,
  ) {
    // Registered before the provider exists, so this handler runs before the provider sends the update.
    this.doc.on('update', this.persist);
    this.connection = new SyncConnection(name, this.doc, options, {
      onState: (state, error) => this.patch({ state, error }),
      onAck: (sv) => {
        void this.log
          .recordAck(sv)
          .then(() => this.maybeCompact())
          .catch(() => {});
      },
    });
    this.unwatch = log.watch(({ pending, lastConfirmedAt }) => this.patch({ pending, lastConfirmedAt }));
    this.loaded = this.load();
  }

  private async load(): Promise<void> {
    try {
      await this.log.compact();
      const state = await this.log.load();
      if (state && !this.destroyed) Y.applyUpdate(this.doc, state, fromStorage);
    } catch (err) {
      // No IndexedDB (blocked, quota, private mode): the document still syncs while online.
      console.warn('kigaligo: could not read stored updates', err);
    }
    if (!this.destroyed) this.connection.start();
  }

  private readonly persist = (update: Uint8Array, origin: unknown) => {
    if (origin === fromStorage) return;
    // Updates from the provider (server or another tab over BroadcastChannel) are stored too, so the
    // document opens offline with them; duplicates are harmless to Yjs and compaction folds them away.
    const local = origin !== this.connection.provider;
    const meta = local
      ? { client: this.doc.clientID, clock: Y.getState(this.doc.store, this.doc.clientID) }
      : undefined;
    this.log
      .append(update, meta)
      .catch((err: unknown) => console.warn('kigaligo: could not store an update', err));
  };

  private async maybeCompact(): Promise<void> {
    if (this.compacting) return;
    this.compacting = true;
    try {
      await this.log.compact();
    } finally {
      this.compacting = false;
    }
  }

  getStatus = (): DocSyncStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private patch(change: Partial<DocSyncStatus>): void {
    const next = { ...this.status, ...change };
    const keys = Object.keys(next) as (keyof DocSyncStatus)[];
    if (keys.every((k) => next[k] === this.status[k])) return;
    this.status = next;
    for (const l of this.listeners) l();
  }

  destroy(): void {
    this.destroyed = true;
    this.unwatch();
    this.connection.destroy();
    this.doc.off('update', this.persist);
    this.doc.destroy();
    this.listeners.clear();
  }
}

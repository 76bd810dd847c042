import Dexie, { liveQuery } from 'dexie';
import * as Y from 'yjs';
import { countPending, isPending, mergeAcked } from './pending';
import type { SyncDatabase } from './sync-database';

export interface LogState {
  pending: number;
  lastConfirmedAt: number | null;
}

/** Compact once this many rows pile up for a document; pending rows are never merged away. */
export const COMPACT_AFTER_ROWS = 32;

/**
 * The stored updates of one document. Every write is a single IndexedDB transaction, so several tabs of the
 * same user append, acknowledge and compact the same document without losing each other's rows.
 */
export class UpdateLog {
  constructor(
    private readonly db: SyncDatabase,
    readonly doc: string,
  ) {}

  /** Appends an update; `local` marks it as this device's own change (counted until acknowledged). */
  append(update: Uint8Array, local?: { client: number; clock: number }): Promise<number> {
    return this.db.updates.add({ doc: this.doc, update, ...local }) as Promise<number>;
  }

  /** Everything stored for the document as one update, or null for a document never opened here. */
  async load(): Promise<Uint8Array | null> {
    const rows = await this.db.updates.where('doc').equals(this.doc).toArray();
    if (rows.length === 0) return null;
    return rows.length === 1 ? rows[0]!.update : Y.mergeUpdates(rows.map((r) => r.update));
  }

  /** Records a stored ack (the server's durable state vector). */
  recordAck(stateVector: Map<number, number>, at = Date.now()): Promise<void> {
    return this.db.transaction('rw', this.db.docs, async () => {
      const row = await this.db.docs.get(this.doc);
      await this.db.docs.put({
        doc: this.doc,
        acked: mergeAcked(row?.acked ?? {}, stateVector),
        ackedAt: at,
      });
    });
  }

  /** Pending count and last confirmation, read from the database so it includes every tab's changes. */
  async state(): Promise<LogState> {
    const [local, row] = await Promise.all([
      this.db.updates
        .where('[doc+client]')
        .between([this.doc, Dexie.minKey], [this.doc, Dexie.maxKey])
        .toArray(),
      this.db.docs.get(this.doc),
    ]);
    return { pending: countPending(local, row?.acked ?? {}), lastConfirmedAt: row?.ackedAt ?? null };
  }

  /** Calls `listener` with the state now and after every change to it, in this tab or another. */
  watch(listener: (state: LogState) => void): () => void {
    const sub = liveQuery(() => this.state()).subscribe({ next: listener, error: () => {} });
    return () => sub.unsubscribe();
  }

  /**
   * Merges every settled row (remote, compacted, or local and acknowledged) into one. Pending rows stay as
   * they are so the count survives compaction and a reload. Returns whether anything was merged.
   */
  async compact(minRows = COMPACT_AFTER_ROWS): Promise<boolean> {
    return this.db.transaction('rw', this.db.updates, this.db.docs, async () => {
      const rows = await this.db.updates.where('doc').equals(this.doc).toArray();
      if (rows.length < minRows) return false;
      const acked = (await this.db.docs.get(this.doc))?.acked ?? {};
      const settled = rows.filter((r) => !isPending(r, acked));
      if (settled.length < 2) return false;
      const merged = Y.mergeUpdates(settled.map((r) => r.update));
      await this.db.updates.bulkDelete(settled.map((r) => r.id!));
      await this.db.updates.add({ doc: this.doc, update: merged });
      return true;
    });
  }
}

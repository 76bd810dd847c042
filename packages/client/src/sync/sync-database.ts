import Dexie, { type DexieOptions, type EntityTable } from 'dexie';

/**
 * Why our own Dexie tables and not the y-dexie add-on: the pending-change count needs per-update metadata
 * (which Y.Doc client made it and the clock it reached) and a compaction that keeps unacknowledged local
 * updates as separate rows. With two plain tables both are one indexed query or one transaction, and the
 * layout stays ours to migrate; y-dexie hides its update storage behind a Y.Doc-typed property.
 */

/** One stored Yjs update of one document. */
export interface UpdateRow {
  id?: number;
  doc: string;
  update: Uint8Array;
  /**
   * Set only on updates made on this device: the Y.Doc clientID that made it and that client's clock after
   * it. The row is a pending change until a stored ack covers `clock` for `client`. Remote updates and
   * compacted rows have neither, so the `[doc+client]` index lists only local rows.
   */
  client?: number;
  clock?: number;
}

/** What the server has confirmed for one document, merged over every ack any tab received. */
export interface DocRow {
  doc: string;
  /** clientID → highest clock the server said it stored (a state vector as a plain object). */
  acked: Record<number, number>;
  /** Epoch ms of the last stored ack. */
  ackedAt: number | null;
}

/** One database per signed-in user, so two accounts on one phone never see each other's documents. */
export class SyncDatabase extends Dexie {
  updates!: EntityTable<UpdateRow, 'id'>;
  docs!: EntityTable<DocRow, 'doc'>;

  constructor(userId: string, options?: DexieOptions) {
    super(`kigaligo-sync-${userId}`, options);
    this.version(1).stores({ updates: '++id, doc, [doc+client]', docs: 'doc' });
  }
}

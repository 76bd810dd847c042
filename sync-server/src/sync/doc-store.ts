import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { type Db, resultRows } from '../db/client';
import { syncDocuments, syncUpdates } from '../db/schema';

export interface StoredDoc {
  /** Snapshot and all later updates merged into one Yjs update (null for a new document). */
  state: Uint8Array | null;
  lastUpdateId: number;
  bytes: number;
  ownerId: string | null;
}

/** A committed append: its id, and whether the reconciled mark moved over it in the same statement. */
export interface Appended {
  id: number;
  markMoved: boolean;
}

interface PendingAppend {
  docName: string;
  update: Uint8Array;
  moveMark: boolean;
  resolve: (appended: Appended) => void;
  reject: (err: unknown) => void;
}

const MAX_BATCH = 500;
const MAX_BATCHES_IN_FLIGHT = 4;

// Compact once this many updates or bytes sit outside the snapshot (SS5).
const COMPACT_AFTER_UPDATES = 200;
const COMPACT_AFTER_BYTES = 512 * 1024;

/** Durable Yjs documents in Postgres: an append-only update log plus a compacted snapshot (SS3, SS5). */
export class DocStore {
  constructor(private readonly db: Db) {}

  /** Creates the document row if needed; the first creator becomes its owner. Returns the owner. */
  async ensure(docName: string, ownerId: string | null): Promise<string | null> {
    await this.db.insert(syncDocuments).values({ docName, ownerId }).onConflictDoNothing();
    const [row] = await this.db
      .select({ ownerId: syncDocuments.ownerId })
      .from(syncDocuments)
      .where(eq(syncDocuments.docName, docName));
    return row?.ownerId ?? null;
  }

  async owner(docName: string): Promise<string | null | undefined> {
    const [row] = await this.db
      .select({ ownerId: syncDocuments.ownerId })
      .from(syncDocuments)
      .where(eq(syncDocuments.docName, docName));
    return row ? row.ownerId : undefined;
  }

  /**
   * Pass a transaction as `db` to read inside it (PGlite has one connection: a second would wait forever); the
   * caller then holds the document row's lock or accepts its isolation. Without one, the snapshot and the log are
   * read in one repeatable-read snapshot: a compaction committing between the two reads would otherwise move
   * updates from the log into a snapshot this load has already read past, and the room would start without them.
   */
  async load(docName: string, db?: Db): Promise<StoredDoc> {
    if (db) return this.read(docName, db);
    return this.db.transaction((tx) => this.read(docName, tx), {
      isolationLevel: 'repeatable read',
      accessMode: 'read only',
    });
  }

  private async read(docName: string, db: Db): Promise<StoredDoc> {
    const [doc] = await db.select().from(syncDocuments).where(eq(syncDocuments.docName, docName));
    const after = doc?.snapshotUpdateId ?? 0;
    const updates = await db
      .select({ id: syncUpdates.id, update: syncUpdates.update })
      .from(syncUpdates)
      .where(and(eq(syncUpdates.docName, docName), gt(syncUpdates.id, after)))
      .orderBy(asc(syncUpdates.id));
    const parts = [...(doc?.snapshot ? [doc.snapshot] : []), ...updates.map((u) => u.update)];
    return {
      state: parts.length === 0 ? null : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts),
      lastUpdateId: updates.at(-1)?.id ?? after,
      bytes: doc?.bytes ?? 0,
      ownerId: doc?.ownerId ?? null,
    };
  }

  /**
   * Appends one update to the log; resolves with its id once it is committed (SS3). Appends from all documents
   * are group-committed: whatever arrives while earlier batches are in flight goes into the next single
   * statement, so the cost of a commit is shared instead of paid per update.
   *
   * `moveMark` says the update changed nothing the document's reconciler reads: the reconciled mark then moves
   * over it in the same statement when it already covered every earlier update (else `markMoved` is false and
   * the reconciler moves it once the earlier ones are done), instead of one more statement per update.
   */
  append(docName: string, update: Uint8Array, moveMark = false): Promise<Appended> {
    return new Promise((resolve, reject) => {
      this.pending.push({ docName, update, moveMark, resolve, reject });
      this.pump();
    });
  }

  private pending: PendingAppend[] = [];
  private inFlight = 0;

  private pump(): void {
    while (this.inFlight < MAX_BATCHES_IN_FLIGHT && this.pending.length > 0) {
      // One entry per document per batch (a room appends one update at a time anyway), so the
      // sync_documents upsert never touches a row twice in one statement.
      const batch: PendingAppend[] = [];
      const docs = new Set<string>();
      const rest: PendingAppend[] = [];
      for (const p of this.pending) {
        if (batch.length < MAX_BATCH && !docs.has(p.docName)) {
          docs.add(p.docName);
          batch.push(p);
        } else rest.push(p);
      }
      this.pending = rest;
      this.inFlight += 1;
      void this.writeBatch(batch).finally(() => {
        this.inFlight -= 1;
        this.pump();
      });
    }
  }

  private async writeBatch(batch: PendingAppend[]): Promise<void> {
    const input = JSON.stringify(
      batch.map((p) => ({
        doc_name: p.docName,
        data: Buffer.from(p.update.buffer, p.update.byteOffset, p.update.byteLength).toString('base64'),
        move_mark: p.moveMark,
      })),
    );
    type Row = { id: number | string; doc_name: string; mark_moved: boolean };
    try {
      // The subquery reads the log as it was before this statement: the newest update before the appended one.
      const result = await this.db.execute<Row>(sql`
        with input as (
          select doc_name, decode(data, 'base64') as data, move_mark
          from json_to_recordset(${input}::json) as x(doc_name text, data text, move_mark boolean)
        ), appended as (
          insert into ${syncUpdates} (doc_name, update) select doc_name, data from input returning id, doc_name
        ), counted as (
          insert into ${syncDocuments} (doc_name, bytes, reconciled_update_id)
          select i.doc_name, length(i.data), case when i.move_mark then a.id else 0 end
          from input i join appended a using (doc_name)
          on conflict (doc_name) do update set
            bytes = ${syncDocuments}.bytes + excluded.bytes,
            updated_at = now(),
            reconciled_update_id = case
              when excluded.reconciled_update_id > 0 and ${syncDocuments}.reconciled_update_id >= coalesce(
                (select max(u.id) from ${syncUpdates} u where u.doc_name = excluded.doc_name),
                ${syncDocuments}.snapshot_update_id)
              then greatest(${syncDocuments}.reconciled_update_id, excluded.reconciled_update_id)
              else ${syncDocuments}.reconciled_update_id end
          returning doc_name, reconciled_update_id
        )
        select a.id, a.doc_name, c.reconciled_update_id >= a.id as mark_moved
        from appended a join counted c using (doc_name)`);
      const rows = new Map(resultRows<Row>(result).map((r) => [r.doc_name, r]));
      for (const p of batch) {
        const row = rows.get(p.docName)!;
        p.resolve({ id: Number(row.id), markMoved: p.moveMark && row.mark_moved });
      }
    } catch (err) {
      for (const p of batch) p.reject(err);
    }
  }

  async needsCompaction(docName: string): Promise<boolean> {
    const [doc] = await this.db.select().from(syncDocuments).where(eq(syncDocuments.docName, docName));
    if (!doc) return false;
    const [pending] = await this.db
      .select({
        count: sql<number>`count(*)::int`,
        bytes: sql<number>`coalesce(sum(length(${syncUpdates.update})), 0)::int`,
      })
      .from(syncUpdates)
      .where(and(eq(syncUpdates.docName, docName), gt(syncUpdates.id, doc.snapshotUpdateId)));
    return (pending?.count ?? 0) >= COMPACT_AFTER_UPDATES || (pending?.bytes ?? 0) >= COMPACT_AFTER_BYTES;
  }

  /**
   * Merges the snapshot and every logged update into a new snapshot and deletes the merged rows, in one
   * transaction holding the document row's lock, so a crash leaves either the old or the new state.
   */
  async compact(docName: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [doc] = await tx
        .select()
        .from(syncDocuments)
        .where(eq(syncDocuments.docName, docName))
        .for('update');
      if (!doc) return;
      const updates = await tx
        .select({ id: syncUpdates.id, update: syncUpdates.update })
        .from(syncUpdates)
        .where(and(eq(syncUpdates.docName, docName), gt(syncUpdates.id, doc.snapshotUpdateId)))
        .orderBy(asc(syncUpdates.id));
      if (updates.length === 0) return;
      const snapshot = Y.mergeUpdates([
        ...(doc.snapshot ? [doc.snapshot] : []),
        ...updates.map((u) => u.update),
      ]);
      const upTo = updates.at(-1)!.id;
      await tx
        .update(syncDocuments)
        .set({ snapshot, snapshotUpdateId: upTo, bytes: snapshot.byteLength, updatedAt: new Date() })
        .where(eq(syncDocuments.docName, docName));
      await tx.delete(syncUpdates).where(and(eq(syncUpdates.docName, docName), lte(syncUpdates.id, upTo)));
    });
  }

  /** Documents whose stored state is ahead of what was reconciled into tables. */
  async unreconciled(): Promise<string[]> {
    const rows = await this.db
      .select({ docName: syncDocuments.docName })
      .from(syncDocuments)
      .where(
        sql`${syncDocuments.reconciledUpdateId} < greatest(${syncDocuments.snapshotUpdateId},
          coalesce((select max(u.id) from ${syncUpdates} u where u.doc_name = ${syncDocuments.docName}), 0))`,
      );
    return rows.map((r) => r.docName);
  }

  async reconciledUpTo(docName: string): Promise<number> {
    const [doc] = await this.db
      .select({ id: syncDocuments.reconciledUpdateId })
      .from(syncDocuments)
      .where(eq(syncDocuments.docName, docName));
    return doc?.id ?? 0;
  }
}

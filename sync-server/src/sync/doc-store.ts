import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../db/client';
import { syncDocuments, syncUpdates } from '../db/schema';

export interface StoredDoc {
  /** Snapshot and all later updates merged into one Yjs update (null for a new document). */
  state: Uint8Array | null;
  lastUpdateId: number;
  bytes: number;
  ownerId: string | null;
}

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

  /** Pass a transaction as `db` to read inside it (PGlite has one connection: a second would wait forever). */
  async load(docName: string, db: Db = this.db): Promise<StoredDoc> {
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
   * Appends one update to the log; resolves once it is committed. Returns its id. One statement (a
   * data-modifying CTE) is atomic on its own and costs one round trip instead of a four-step transaction.
   */
  async append(docName: string, update: Uint8Array): Promise<number> {
    const bytes = update.byteLength;
    const result = await this.db.execute<{ id: number | string }>(sql`
      with appended as (
        insert into ${syncUpdates} (doc_name, update) values (${docName}, ${Buffer.from(update.buffer, update.byteOffset, bytes)})
        returning id
      ), counted as (
        insert into ${syncDocuments} (doc_name, bytes) values (${docName}, ${bytes})
        on conflict (doc_name) do update set bytes = ${syncDocuments}.bytes + ${bytes}, updated_at = now()
      )
      select id from appended`);
    const rows = Array.isArray(result) ? result : (result as unknown as { rows: { id: number | string }[] }).rows;
    return Number(rows[0]!.id);
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

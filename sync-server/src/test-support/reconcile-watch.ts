import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { syncDocuments } from '../db/schema';
import type { ReconcileScheduler } from '../sync/reconciler';

/**
 * Follows one document's reconciliations through the scheduler's hook: `upTo()` is the highest update id the
 * document is known reconciled to, starting from its stored mark, so "reconciled past what it was" can be awaited.
 */
export async function watchReconciles(db: Db, reconciler: ReconcileScheduler, docName: string) {
  const [row] = await db
    .select({ upTo: syncDocuments.reconciledUpdateId })
    .from(syncDocuments)
    .where(eq(syncDocuments.docName, docName));
  let upTo = row?.upTo ?? 0;
  const runs: number[] = [];
  const stop = reconciler.onReconciled((name, reached) => {
    if (name !== docName) return;
    runs.push(reached);
    upTo = Math.max(upTo, reached);
  });
  return {
    upTo: () => upTo,
    /** The update id each reconciliation seen since the watch began reached, in order. */
    runs: () => [...runs],
    stop,
  };
}

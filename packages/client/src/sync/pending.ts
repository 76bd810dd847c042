import type { DocRow, UpdateRow } from './sync-database';

/**
 * A local update is pending until some stored ack reached its clock for the client that made it (SS4).
 * State vectors count inserted items only: an update that only deletes carries the clock its client had
 * already reached, so it counts as saved once everything that client inserted before is. Our writers
 * overwrite map keys (an insert) rather than delete them, which keeps the count exact.
 */
export function isPending(row: Pick<UpdateRow, 'client' | 'clock'>, acked: DocRow['acked']): boolean {
  if (row.client === undefined || row.clock === undefined) return false;
  return (acked[row.client] ?? 0) < row.clock;
}

export function countPending(rows: UpdateRow[], acked: DocRow['acked']): number {
  let n = 0;
  for (const row of rows) if (isPending(row, acked)) n++;
  return n;
}

/**
 * Folds an ack into what is already confirmed, taking the maximum per client: acks from two tabs' sockets
 * may arrive in any order, and an older one must never un-confirm a change.
 */
export function mergeAcked(acked: DocRow['acked'], stateVector: Map<number, number>): DocRow['acked'] {
  const next = { ...acked };
  for (const [client, clock] of stateVector) if ((next[client] ?? 0) < clock) next[client] = clock;
  return next;
}

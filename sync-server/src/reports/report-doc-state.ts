import type { ReportReply, ReportServerState } from '@kigaligo/domain';
import { reportDocKeys } from '@kigaligo/sync-protocol';
import * as Y from 'yjs';

/** Plain JSON of whatever a device wrote (nested Y.Maps and Y.Arrays, or JSON values). */
function plain(value: unknown): unknown {
  return value instanceof Y.Map || value instanceof Y.Array ? value.toJSON() : value;
}

/** What the rider wrote: the report fields with the evidence list folded in, ready for `safetyReportInput`. */
export function readReportFields(doc: Y.Doc): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [k, v] of doc.getMap(reportDocKeys.report).entries()) fields[k] = plain(v);
  fields.evidence = doc.getArray(reportDocKeys.evidence).toArray().map(plain);
  return fields;
}

export function readServerState(doc: Y.Doc): Partial<ReportServerState> {
  return doc.getMap(reportDocKeys.server).toJSON() as Partial<ReportServerState>;
}

export type ServerStateTarget = Omit<ReportServerState, 'updatedAt'>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The change that brings the document's server-only `server` map to `target`, or undefined when it is already
 * there. `updatedAt` moves only when something else changed, so reconciling again writes nothing (SS8).
 */
export function serverStateChange(
  current: Partial<ReportServerState>,
  target: ServerStateTarget,
  now: string,
): ((doc: Y.Doc) => void) | undefined {
  const unchanged =
    current.status === target.status &&
    current.receivedAt === target.receivedAt &&
    same(current.missingEvidence, target.missingEvidence) &&
    same(current.problems, target.problems);
  if (unchanged) return undefined;
  const next: ReportServerState = { ...target, updatedAt: now };
  return (doc) => {
    const map = doc.getMap(reportDocKeys.server);
    for (const [k, v] of Object.entries(next)) {
      if (v === undefined) continue;
      if (!same(map.get(k), v)) map.set(k, v);
    }
    for (const k of ['missingEvidence', 'problems'] as const)
      if (next[k] === undefined && map.has(k)) map.delete(k);
  };
}

/** Appends the replies the document does not have yet (by id), in order. */
export function repliesChange(replies: readonly ReportReply[]): (doc: Y.Doc) => void {
  return (doc) => {
    const array = doc.getArray<unknown>(reportDocKeys.replies);
    const have = new Set(array.toArray().map((r) => (plain(r) as { id?: string } | null)?.id));
    const missing = replies.filter((r) => !have.has(r.id));
    if (missing.length > 0) array.push(missing.map((r) => ({ ...r })));
  };
}

import {
  driverDocKeys,
  rejectionKey,
  useDocumentRejection,
  useDocumentStatus,
  useDriverDoc,
  useYMapEntries,
} from '@kigaligo/client';
import {
  type DriverActionInput,
  type DriverActionResult,
  type DriverAssignment,
  type DriverTripAction,
  driverActionInput,
  driverActionResult,
  driverAssignment,
  type ReconcileRejection,
  reconcileRejection,
} from '@kigaligo/domain';
import { useCallback, useMemo } from 'react';

type Entry = Record<string, unknown>;

function valid<T>(entries: Record<string, Entry>, parse: (v: unknown) => { success: boolean; data?: T }) {
  const out: Record<string, T> = {};
  for (const [id, raw] of Object.entries(entries)) {
    const r = parse(raw);
    if (r.success) out[id] = r.data as T;
  }
  return out;
}

/**
 * The driver's assigned trips, their actions and the server's answers, all from `driver:<id>`. Acting writes
 * a `driverActionInput` into `tripActions`, so it works offline; the server answers in `actionResults`.
 */
export function useAssignments() {
  const doc = useDriverDoc();
  const status = useDocumentStatus(doc);
  const assignments = useYMapEntries<Entry>(doc, driverDocKeys.assignments);
  const actions = useYMapEntries<Entry>(doc, driverDocKeys.tripActions);
  const results = useYMapEntries<Entry>(doc, driverDocKeys.actionResults);
  const rejected = useYMapEntries<Entry>(doc, driverDocKeys.rejections);
  /** The driver document as a whole (SS12 `*`): every action waits on the next change. */
  const documentRejection = useDocumentRejection(doc, driverDocKeys.rejections);
  const { put, remove } = actions;

  const list = useMemo(
    () => Object.values(valid<DriverAssignment>(assignments.entries, (v) => driverAssignment.safeParse(v))),
    [assignments.entries],
  );
  const actionList = useMemo(
    () => Object.values(valid<DriverActionInput>(actions.entries, (v) => driverActionInput.safeParse(v))),
    [actions.entries],
  );
  const resultMap = useMemo(
    () => valid<DriverActionResult>(results.entries, (v) => driverActionResult.safeParse(v)),
    [results.entries],
  );

  /** Rejections (SS12) of the driver's actions, by action id. */
  const rejections = useMemo(() => {
    const out: Record<string, ReconcileRejection> = {};
    for (const id of Object.keys(actions.entries)) {
      const r = reconcileRejection.safeParse(rejected.entries[rejectionKey(driverDocKeys.tripActions, id)]);
      if (r.success) out[id] = r.data;
    }
    return out;
  }, [actions.entries, rejected.entries]);

  const act = useCallback(
    (tripId: string, action: DriverTripAction, cashCollected?: boolean) => {
      const input = driverActionInput.parse({
        id: crypto.randomUUID(),
        tripId,
        action,
        at: new Date().toISOString(),
        ...(cashCollected !== undefined ? { cashCollected } : {}),
      });
      put(input.id, input as unknown as Entry);
    },
    [put],
  );

  /** Sends a rejected action again as a new one (new id, time of now), then clears the rejected one. */
  const resend = useCallback(
    (rejected: DriverActionInput) => {
      act(rejected.tripId, rejected.action, rejected.cashCollected);
      remove(rejected.id);
    },
    [act, remove],
  );

  return {
    assignments: list,
    actions: actionList,
    results: resultMap,
    rejections,
    documentRejection,
    act,
    resend,
    discard: remove,
    pending: status.pending,
    ready: assignments.ready,
  };
}

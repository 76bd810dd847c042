/**
 * Top-level keys of each document type's Y.Doc. Client and server read and write documents only through
 * these names, so a renamed key is a protocol change (bump PROTOCOL_VERSION).
 */
export const riderDocKeys = {
  /** Y.Map<routeId, Y.Map> of routes the rider saved from the planner. */
  savedRoutes: 'savedRoutes',
  /** Y.Map<intentId, Y.Map> of booking intents made (possibly offline): domain `bookingIntent`. */
  bookingIntents: 'bookingIntents',
  /** Y.Map<intentId, Y.Map> written by the server: domain `bookingDecision`, kept current as the trip moves. */
  bookingDecisions: 'bookingDecisions',
  /** Y.Map<string, unknown> of profile preferences (language, home/work places). */
  preferences: 'preferences',
  /**
   * Y.Map<reportId, Y.Map {id, createdAt}> of the rider's safety reports, drafts included: each report lives
   * in its own `report:<id>` document; this list is how the rider's devices find them (offline too).
   */
  reports: 'reports',
  /** Y.Map<entryKey, Y.Map> written by the server: domain `reconcileRejection` (SS12). */
  rejections: 'rejections',
} as const;

export const driverDocKeys = {
  /** Y.Map {status, changedAt}: domain `rideAvailability`, the driver's "taking rides" switch during a shift. */
  shift: 'shift',
  /** Y.Map<tripId, Y.Map> written by the server: domain `driverAssignment`. */
  assignments: 'assignments',
  /** Y.Map<actionId, Y.Map> of the driver's actions on trips, possibly offline: domain `driverActionInput`. */
  tripActions: 'tripActions',
  /** Y.Map<actionId, Y.Map> written by the server: domain `driverActionResult`. */
  actionResults: 'actionResults',
  /** Y.Map<entryKey, Y.Map> written by the server: domain `reconcileRejection` (SS12). */
  rejections: 'rejections',
} as const;

export const reportDocKeys = {
  /** Y.Map with the report fields of domain `safetyReportInput` except evidence; `submittedAt` = sent. */
  report: 'report',
  /** Y.Array of domain `evidenceRef` ({sha256, mime, bytes}). */
  evidence: 'evidence',
  /** Y.Map written by the server: domain `reportServerState`. */
  server: 'server',
  /** Y.Array written by the server: domain `reportReply`, the admins' messages to the reporter. */
  replies: 'replies',
  /** Y.Map<entryKey, Y.Map> written by the server: domain `reconcileRejection` (SS12); `report/submittedAt`. */
  rejections: 'rejections',
} as const;

/**
 * Keys only the server writes (SS10). An update from a client connection that changes any of them is refused
 * (4403) and never stored: decisions, assignments and report status cannot be forged from a device.
 */
export const serverOnlyKeys: Record<'rider' | 'driver' | 'report', readonly string[]> = {
  rider: [riderDocKeys.bookingDecisions, riderDocKeys.rejections],
  driver: [driverDocKeys.assignments, driverDocKeys.actionResults, driverDocKeys.rejections],
  report: [reportDocKeys.server, reportDocKeys.replies, reportDocKeys.rejections],
};

/**
 * The key of one client-written entry in a document's `rejections` map (SS12): the top-level key that holds it
 * and the entry's key there, e.g. `bookingIntents/<intentId>`, `tripActions/<actionId>`. A report's submission
 * is its `submittedAt` field: `report/submittedAt`. `*` stands for the document as a whole.
 */
export function rejectionKey(collection: string, id: string): string {
  return `${collection}/${id}`;
}
export const WHOLE_DOCUMENT = '*';

/** The top-level key and entry key of a rejection key, or null for `*` and anything malformed. */
export function parseRejectionKey(key: string): { collection: string; id: string } | null {
  const slash = key.indexOf('/');
  // An empty entry key is a key like any other (a device may write one).
  if (slash <= 0) return null;
  return { collection: key.slice(0, slash), id: key.slice(slash + 1) };
}

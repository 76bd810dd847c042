/**
 * Top-level keys of each document type's Y.Doc. Client and server read and write documents only through
 * these names, so a renamed key is a protocol change (bump PROTOCOL_VERSION).
 */
export const riderDocKeys = {
  /** Y.Map<routeId, Y.Map> of routes the rider saved from the planner. */
  savedRoutes: 'savedRoutes',
  /** Y.Map<intentId, Y.Map> of booking intents made (possibly offline), with the server's decision. */
  bookingIntents: 'bookingIntents',
  /** Y.Map<string, unknown> of profile preferences (language, home/work places). */
  preferences: 'preferences',
} as const;

export const driverDocKeys = {
  shift: 'shift',
  assignments: 'assignments',
} as const;

export const reportDocKeys = {
  /** Y.Map with the report fields (category, description, occurredAt, location, anonymous, tripId). */
  report: 'report',
  /** Y.Array<string> of evidence SHA-256 digests. */
  evidence: 'evidence',
  /** Y.Map written by the server: status, severity, receivedAt. */
  server: 'server',
  /** Y.Array of {from, text, at} messages between the reporter and admins. */
  replies: 'replies',
} as const;

/**
 * Document names (SS2). Each user's working data lives in one document per role, each safety report in its
 * own document so it can be shared with admins without sharing the rest of the rider's data.
 *   rider:<userId>    the rider's trips, booking intents, saved routes, report drafts list
 *   driver:<userId>   the driver's shift and trip assignments
 *   report:<reportId> one safety report: draft, evidence list, status, replies
 */
declare const builtHere: unique symbol;
/** Marks a reference as made by the helpers below: a hand-built `{type, userId}` does not type-check. */
type Built<T> = T & { readonly [builtHere]: true };

/** A document reference: its kind and whose (or which report's) it is. Build it with the helpers below. */
export type DocRef =
  | Built<{ type: 'rider'; userId: string }>
  | Built<{ type: 'driver'; userId: string }>
  | Built<{ type: 'report'; reportId: string }>;

// The brand exists only in types: the values are plain objects, so they cross workers and survive JSON.
export const riderDoc = (userId: string) => ({ type: 'rider', userId }) as Extract<DocRef, { type: 'rider' }>;
export const driverDoc = (userId: string) =>
  ({ type: 'driver', userId }) as Extract<DocRef, { type: 'driver' }>;
export const reportDoc = (reportId: string) =>
  ({ type: 'report', reportId }) as Extract<DocRef, { type: 'report' }>;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const pattern = new RegExp(`^(rider|driver|report):(${UUID})$`);

export function parseDocName(name: string): DocRef | null {
  const m = pattern.exec(name);
  if (!m) return null;
  const [, type, id] = m as unknown as [string, DocRef['type'], string];
  return type === 'report' ? reportDoc(id) : type === 'rider' ? riderDoc(id) : driverDoc(id);
}

/** The name a document travels under (`/sync/<name>`, the server's rows, the device's update log). */
export function docName(ref: DocRef): string {
  return ref.type === 'report' ? `report:${ref.reportId}` : `${ref.type}:${ref.userId}`;
}

export type Access = 'write' | 'read' | 'none';

/**
 * Who may open a rider or driver document: its owner writes, admins read (SS2). Report documents need the
 * report's reporter, which only the server knows: pass it as `reporterId` (null when the report is new).
 */
export function accessFor(
  ref: DocRef,
  user: { id: string; role: 'rider' | 'driver' | 'admin' },
  reporterId?: string | null,
): Access {
  if (ref.type === 'report') {
    if (user.role === 'admin') return 'write';
    // Drivers never see a report document, even one about them: it may name an anonymous reporter.
    if (user.role === 'driver') return 'none';
    // A new report document is created by the rider who opens it first.
    if (reporterId === null) return user.role === 'rider' ? 'write' : 'none';
    return reporterId === user.id ? 'write' : 'none';
  }
  if (ref.userId === user.id && user.role === ref.type) return 'write';
  return user.role === 'admin' ? 'read' : 'none';
}

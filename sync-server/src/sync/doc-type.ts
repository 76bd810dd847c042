import type { Access, DocRef } from '@kigaligo/sync-protocol';
import type * as Y from 'yjs';
import type { Db } from '../db/client';
import type { EntryGuard } from './entry-guard';

/**
 * The one door between the sync engine and the features (booking/, reports/, tracking/ …): the engine stores,
 * serves and reconciles documents but knows no document type; each feature describes its own with a `DocType`
 * and server.ts registers them all with `registerDocTypes`. Features import this module from sync/ and
 * nothing else (test/import-boundaries.test.ts), and the engine imports no feature.
 */

export type { Access, DocRef } from '@kigaligo/sync-protocol';
export { entryValue, writeEntry } from './doc-entries';
export type { EntryGuard, EntryOutcome } from './entry-guard';
export { invalidEntryMessage } from './invalid-entry';

/** A change the server makes to a document (a reconciler's answer, a trip's new state). */
export type DocChange = (doc: Y.Doc) => void;

/** Writes a change into a document as the server, through the same store-then-broadcast path as clients. */
export type DocWriter = (docName: string, change: DocChange) => Promise<void>;

/** Reconciles a document now, even if it did not change (something it reads changed elsewhere). */
export type ReconcileNow = (docName: string) => Promise<void>;

/**
 * Maps one document into relational rows. It gets the whole stored document and must write rows as a pure
 * function of it (upserts and deletes), so running it twice is harmless (SS8). Each client-written entry goes
 * through `guard.entry` (or `guard.reject`), so one that fails cannot stop the others (SS12). It may return a
 * change to write back into the document as the server.
 */
export type ReconcileFn<R extends DocRef = DocRef> = (
  ref: R,
  doc: Y.Doc,
  tx: Db,
  guard: EntryGuard,
) => Promise<DocChange | undefined>;

/** The owner column of stored documents (the first creator of a document that has no owner in its name). */
export interface DocOwners {
  /** The owner; null for a document without one; undefined when no such document is stored. */
  owner(docName: string): Promise<string | null | undefined>;
  /** Creates the document if needed, owned by `ownerId`; returns its owner (the first creator's). */
  ensure(docName: string, ownerId: string | null): Promise<string | null>;
}

export interface DocUser {
  id: string;
  role: 'rider' | 'driver' | 'admin';
}

// An intersection rather than Extract: TypeScript then sees DocType<'rider'> as a DocType, so features' types list together.
export type RefOf<P extends DocRef['type']> = DocRef & { type: P };

/** One document type, as a feature plugs it into the engine. */
export interface DocType<P extends DocRef['type'] = DocRef['type']> {
  /** The name's prefix, `<prefix>:<id>` (sync-protocol's `parseDocName`). */
  prefix: P;
  /**
   * Who may open the document (SS2): write, read or none; `unknown` for a document that does not exist and
   * this user may not create (closed with 4404, as for an unknown type). A thrown DomainError closes with the
   * code its kind maps to.
   */
  authorize(ref: RefOf<P>, user: DocUser, owners: DocOwners): Promise<Access | 'unknown'>;
  /** Keys only the server writes (SS10): a client update touching one is refused with 4403. */
  serverKeys: readonly string[];
  /** The server-only map where rejected entries are reported (SS12). */
  rejectionsKey: string;
  /** Top-level keys the reconciler reads; updates touching none of them do not start it. */
  watch: readonly string[];
  reconcile(ref: RefOf<P>, doc: Y.Doc, tx: Db, guard: EntryGuard): Promise<DocChange | undefined>;
  /** Resolves when work a write-back started is done (e.g. trip refreshes): part of the write-back (SS8). */
  settled?(): Promise<void>;
}

/** The registered document types, looked up by a parsed document name. */
export interface DocTypes {
  of(ref: DocRef): DocType | undefined;
}

/** Registers the document types the engine serves; a prefix may be registered once. */
export function registerDocTypes(types: readonly DocType[]): DocTypes {
  const byPrefix = new Map<string, DocType>();
  for (const type of types) {
    if (byPrefix.has(type.prefix)) throw new Error(`document type "${type.prefix}" registered twice`);
    byPrefix.set(type.prefix, type);
  }
  return { of: (ref) => byPrefix.get(ref.type) };
}

import * as Y from 'yjs';
import type { Db } from '../db/client';
import { DocStore } from '../sync/doc-store';
import type { DocWriter } from '../sync/doc-type';
import { storeDocWriter } from '../sync/store-doc-writer';

/** One top-level map of a document as stored (no sync service needed), as plain JSON. */
// Typed as Y.Map's toJSON (values loosely typed): tests assert their shape.
export async function storedDocMap(
  db: Db,
  docName: string,
  key: string,
): Promise<ReturnType<Y.Map<unknown>['toJSON']>> {
  const stored = await new DocStore(db).load(docName);
  const doc = new Y.Doc();
  try {
    if (stored.state) Y.applyUpdate(doc, stored.state);
    return doc.getMap(key).toJSON();
  } finally {
    doc.destroy();
  }
}

/** The id of a document's last stored update and the one it is reconciled up to. */
export async function storedUpdateIds(
  db: Db,
  docName: string,
): Promise<{ last: number; reconciled: number }> {
  const store = new DocStore(db);
  return { last: (await store.load(docName)).lastUpdateId, reconciled: await store.reconciledUpTo(docName) };
}

/** Writes into documents straight through the store, for feature tests that run without a sync service. */
export function storedDocWriter(db: Db): DocWriter {
  return storeDocWriter(new DocStore(db));
}

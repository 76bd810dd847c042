import { type DocRef, docName } from '@kigaligo/sync-protocol';
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import type { SyncEngine } from '../sync/sync-engine';
import { UpdateLog } from '../sync/update-log';
import { useSyncEngine } from './client-context';

export interface StoredDocument {
  /** The document as stored on this device (empty if never stored here). Read it, never write it. */
  doc: Y.Doc;
  /** Local changes not yet confirmed by the server, from every tab. */
  pending: number;
}

/** Reads a document as this device stored it, once (inside a Dexie liveQuery: whenever it changes). */
export function readStoredDocument(engine: SyncEngine, ref: DocRef): Promise<StoredDocument> {
  return readStored(engine, docName(ref));
}

async function readStored(engine: SyncEngine, name: string): Promise<StoredDocument> {
  const log = new UpdateLog(engine.db, name);
  const state = await log.load();
  const { pending } = await log.state();
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return { doc, pending };
}

/**
 * A read-only copy of a document as this device last stored it, without connecting. For lists that show
 * many documents at once (the rider's safety reports): opening each would cost a WebSocket apiece, and the
 * server closes a user's 25th. The copy follows IndexedDB, so it changes whenever any tab (or an open,
 * connected copy of the document) stores an update or an acknowledgement. Null until read.
 */
export function useStoredDocument(ref: DocRef | null): StoredDocument | null {
  const engine = useSyncEngine();
  // The name, not the reference: callers build a fresh reference each render, the effect must not rerun.
  const name = ref ? docName(ref) : null;
  const [stored, setStored] = useState<StoredDocument | null>(null);
  useEffect(() => {
    if (!engine || !name) {
      setStored(null);
      return;
    }
    const sub = liveQuery(() => readStored(engine, name)).subscribe({
      // The previous copy is left to the garbage collector: a render may still be reading it.
      next: setStored,
      error: () => setStored({ doc: new Y.Doc(), pending: 0 }),
    });
    return () => sub.unsubscribe();
  }, [engine, name]);
  return stored;
}

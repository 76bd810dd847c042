import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { UpdateLog } from '../sync/update-log';
import { useSyncEngine } from './client-context';

export interface StoredDocument {
  /** The document as stored on this device (empty if never stored here). Read it, never write it. */
  doc: Y.Doc;
  /** Local changes not yet confirmed by the server, from every tab. */
  pending: number;
}

/**
 * A read-only copy of a document as this device last stored it, without connecting. For lists that show
 * many documents at once (the rider's safety reports): opening each would cost a WebSocket apiece, and the
 * server closes a user's 25th. The copy follows IndexedDB, so it changes whenever any tab (or an open,
 * connected copy of the document) stores an update or an acknowledgement. Null until read.
 */
export function useStoredDocument(name: string | null): StoredDocument | null {
  const engine = useSyncEngine();
  const [stored, setStored] = useState<StoredDocument | null>(null);
  useEffect(() => {
    if (!engine || !name) {
      setStored(null);
      return;
    }
    const log = new UpdateLog(engine.db, name);
    const sub = liveQuery(async () => ({
      state: await log.load(),
      pending: (await log.state()).pending,
    })).subscribe({
      next: ({ state, pending }) => {
        const doc = new Y.Doc();
        if (state) Y.applyUpdate(doc, state);
        // The previous copy is left to the garbage collector: a render may still be reading it.
        setStored({ doc, pending });
      },
      error: () => setStored({ doc: new Y.Doc(), pending: 0 }),
    });
    return () => sub.unsubscribe();
  }, [engine, name]);
  return stored;
}

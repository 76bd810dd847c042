import * as Y from 'yjs';
import type { DocStore } from './doc-store';
import type { DocWriter } from './doc-type';

/**
 * Applies a server change straight to the stored update log. Correct only while no sync room holds the
 * document in memory (the room would not see it): tests without a sync service (test-support/test-app.ts).
 * The running server writes through `sync.serverWrite` instead.
 */
export function storeDocWriter(store: DocStore): DocWriter {
  return async (docName, change) => {
    const stored = await store.load(docName);
    const doc = new Y.Doc();
    try {
      if (stored.state) Y.applyUpdate(doc, stored.state);
      // Only what the change adds: encodeStateAsUpdate would repeat the whole delete set every time.
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      doc.transact(() => change(doc));
      if (updates.length > 0) await store.append(docName, Y.mergeUpdates(updates));
    } finally {
      doc.destroy();
    }
  };
}

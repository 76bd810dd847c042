import { type DocRef, docName } from '@kigaligo/sync-protocol';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { type DocSyncStatus, idleStatus, type SyncStatus } from '../sync/sync-status';
import type { SyncedDoc } from '../sync/synced-doc';
import { useSyncEngine } from './client-context';

const noop = () => () => {};
const idle = () => idleStatus;

/** Sync state over all of the user's open documents: connection, changes waiting, last confirmation, error. */
export function useSyncStatus(): SyncStatus {
  const engine = useSyncEngine();
  return useSyncExternalStore(engine?.subscribe ?? noop, engine?.getStatus ?? idle, idle);
}

/**
 * Opens one of the user's documents for as long as the component is mounted. Null until it has been read
 * from the device (immediate offline) or while signed out.
 */
export function useDocument(ref: DocRef | null): SyncedDoc | null {
  const engine = useSyncEngine();
  // The name, not the reference: callers build a fresh reference each render, the effect must not rerun.
  const name = ref ? docName(ref) : null;
  const [doc, setDoc] = useState<SyncedDoc | null>(null);
  useEffect(() => {
    if (!engine || !name) return;
    const opened = engine.open(name);
    let live = true;
    void opened.loaded.then(() => {
      if (live) setDoc(opened);
    });
    return () => {
      live = false;
      setDoc(null);
      engine.release(name);
    };
  }, [engine, name]);
  return doc;
}

const offline: DocSyncStatus = { state: 'offline', pending: 0, lastConfirmedAt: null, error: null };

/** The sync state of one open document. */
export function useDocumentStatus(doc: SyncedDoc | null): DocSyncStatus {
  const get = doc?.getStatus ?? (() => offline);
  return useSyncExternalStore(doc?.subscribe ?? noop, get, get);
}

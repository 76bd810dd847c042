import { encodeStoredAck, messageTypes, syncLimits } from '@kigaligo/sync-protocol';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocStore } from './doc-store';
import type { Fanout } from './fanout';

export interface SyncConnection {
  readonly userId: string;
  /** The session the socket was opened with (closed when it is revoked). */
  readonly sessionId: string;
  readonly access: 'read' | 'write';
  /** Asked for stored acknowledgements (`?ack=1`); stock clients did not and never get message type 100. */
  readonly wantsAck: boolean;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Awareness client ids this connection announced, removed when it leaves. */
  readonly awarenessIds: Set<number>;
}

export class DocTooLargeError extends Error {}

/** A client update changed a key only the server writes (SS10); the connection is refused with 4403. */
export class ServerOnlyKeyError extends Error {}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageTypes.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * One document in memory with the connections editing it. Every message for the document runs through one
 * queue, so an update is stored before anything else is served from the document (SS3, SS4).
 */
export class DocRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<SyncConnection>();
  bytes = 0;
  lastUpdateId = 0;
  private queue: Promise<unknown> = Promise.resolve();
  readonly loaded: Promise<void>;

  constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly fanout: Fanout,
    private readonly onStored: (room: DocRoom, rootKeys: Set<string>) => void,
    /** Top-level keys clients may not change (SS10). */
    private readonly serverOnly: readonly string[] = [],
  ) {
    // The server holds no awareness state of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      const changed = [...added!, ...updated!, ...removed!];
      const conn = origin as SyncConnection | undefined;
      if (conn && this.connections.has(conn)) {
        for (const id of added!) conn.awarenessIds.add(id);
        for (const id of removed!) conn.awarenessIds.delete(id);
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, messageTypes.awareness);
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      this.broadcast(encoding.toUint8Array(encoder));
    });
    // SS3: the document is fully loaded before the first reply; the queue starts with the load.
    this.loaded = this.enqueue(async () => {
      const stored = await store.load(name);
      if (stored.state) Y.applyUpdate(this.doc, stored.state, 'storage');
      this.bytes = stored.bytes;
      this.lastUpdateId = stored.lastUpdateId;
    });
  }

  enqueue<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Waits until every queued message has been handled (and so stored). */
  flush(): Promise<unknown> {
    return this.enqueue(() => {});
  }

  broadcast(message: Uint8Array, except?: SyncConnection): void {
    for (const conn of this.connections) if (conn !== except) conn.send(message);
  }

  sendAck(to?: SyncConnection): void {
    const ack = encodeStoredAck(Y.encodeStateVector(this.doc));
    for (const conn of to ? [to] : this.connections) if (conn.wantsAck) conn.send(ack);
  }

  /**
   * Applies an update from a client or from the server itself: only its new part is appended to the log,
   * then broadcast, published to other processes and acknowledged (SS3, SS4). Must run inside the queue.
   */
  async storeUpdate(update: Uint8Array, origin: SyncConnection | 'server'): Promise<boolean> {
    // The server's own answers (decisions, rejections) are small and must always land, even in a full document.
    if (origin !== 'server' && this.bytes + update.byteLength > syncLimits.maxDocumentBytes)
      throw new DocTooLargeError();
    let effective: Uint8Array | null = null;
    const capture = (u: Uint8Array) => {
      effective = effective ? Y.mergeUpdates([effective, u]) : u;
    };
    const touched = touchedKeys(this.doc, update, origin, capture);
    if (origin !== 'server' && this.serverOnly.some((k) => touched.has(k))) {
      // The update is already in memory: the caller evicts the document so it reloads from the database.
      if (!(await this.restatesStored(update))) throw new ServerOnlyKeyError();
    }
    if (!effective) {
      if (origin !== 'server') this.sendAck(origin);
      return false;
    }
    const stored: Uint8Array = effective;
    this.lastUpdateId = await this.store.append(this.name, stored);
    this.bytes += stored.byteLength;
    this.broadcast(updateMessage(stored), origin === 'server' ? undefined : origin);
    this.sendAck();
    await this.fanout.publish(this.name, stored).catch(() => {
      // Other processes still converge: their clients' next sync step 1 fetches it from the database.
    });
    this.onStored(this, touched);
    return true;
  }

  /**
   * A client may legitimately send server-written content back (it echoes its whole state after a reconnect);
   * when this process's copy is behind the database (another process wrote it, SS9), that looks like a
   * forged write. It is one only if it changes the stored document's server-only keys too.
   */
  private async restatesStored(update: Uint8Array): Promise<boolean> {
    const stored = await this.store.load(this.name);
    const check = new Y.Doc({ gc: true });
    try {
      if (stored.state) Y.applyUpdate(check, stored.state, 'storage');
      const touched = touchedKeys(check, update, 'check');
      return !this.serverOnly.some((k) => touched.has(k));
    } finally {
      check.destroy();
    }
  }

  /** An update another process already stored: apply, broadcast and acknowledge, but never store again. */
  applyRemote(update: Uint8Array): Promise<void> {
    return this.enqueue(() => {
      let effective: Uint8Array | null = null;
      const capture = (u: Uint8Array) => {
        effective = u;
      };
      this.doc.on('update', capture);
      Y.applyUpdate(this.doc, update, 'remote');
      this.doc.off('update', capture);
      if (effective) {
        this.broadcast(updateMessage(effective));
        this.sendAck();
      }
    });
  }

  removeConnection(conn: SyncConnection): void {
    this.connections.delete(conn);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...conn.awarenessIds], null);
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/**
 * Applies an update to `doc` and returns the top-level keys (e.g. 'savedRoutes') whose content it changed, so
 * reconcilers run only when needed and server-only keys can be guarded (SS10).
 */
function touchedKeys(
  doc: Y.Doc,
  update: Uint8Array,
  origin: unknown,
  onUpdate?: (u: Uint8Array) => void,
): Set<string> {
  const touched = new Set<string>();
  // biome-ignore lint/suspicious/noExplicitAny: Yjs types are generic over their event type.
  const rootKey = (type: Y.AbstractType<any>): string => {
    let t = type;
    while (t._item) t = t._item.parent as typeof t;
    for (const [key, root] of doc.share) if (root === t) return key;
    return '';
  };
  const collect = (tr: Y.Transaction) => {
    for (const type of tr.changed.keys()) touched.add(rootKey(type));
  };
  if (onUpdate) doc.on('update', onUpdate);
  doc.on('afterTransaction', collect);
  try {
    Y.applyUpdate(doc, update, origin);
  } finally {
    if (onUpdate) doc.off('update', onUpdate);
    doc.off('afterTransaction', collect);
  }
  return touched;
}

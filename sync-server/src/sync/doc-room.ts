import { encodeStoredAck, messageTypes, syncLimits } from '@kigaligo/sync-protocol';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { DocStore } from './doc-store';
import type { Fanout } from './fanout';
import { Presence } from './presence';

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

interface Incoming {
  update: Uint8Array;
  origin: SyncConnection | 'server';
  resolve: (stored: boolean) => void;
  reject: (err: unknown) => void;
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageTypes.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * One document with the connections editing it. Every message for the document runs through one queue, so an
 * update is stored before anything else is served from the document (SS3, SS4). The document itself is in
 * memory only while it is in use: a room whose clients are quiet sleeps (`sleepIfIdleSince`), and the next
 * queued task loads it again from the database (SS5).
 */
export class DocRoom {
  private loadedDoc: Y.Doc | null = null;
  /** Created by the first awareness message; kept while the document sleeps. */
  private presence: Presence | null = null;
  readonly connections = new Set<SyncConnection>();
  bytes = 0;
  lastUpdateId = 0;
  /** `performance.now()` when the room last served a message. */
  lastActive = performance.now();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly name: string,
    private readonly store: DocStore,
    private readonly fanout: Fanout,
    private readonly onStored: (room: DocRoom, rootKeys: Set<string>, markMoved: boolean) => void,
    /** Top-level keys clients may not change (SS10). */
    private readonly serverOnly: readonly string[] = [],
    /** Top-level keys the document's reconciler reads; undefined when nothing reconciles it. */
    private readonly watched: readonly string[] | undefined = undefined,
  ) {}

  /** The loaded document: read it only inside a queued task, which loads it first. */
  get doc(): Y.Doc {
    if (!this.loadedDoc) throw new Error(`document ${this.name} is not loaded`);
    return this.loadedDoc;
  }

  get asleep(): boolean {
    return this.loadedDoc === null;
  }

  /** Someone announced presence here since the room opened (only then can presence expire). */
  get hasPresence(): boolean {
    return this.presence !== null;
  }

  /** Runs `task` after everything queued before it, with the document loaded (SS3: loaded before any reply). */
  enqueue<T>(task: () => Promise<T> | T): Promise<T> {
    return this.inQueue(async () => {
      if (!this.loadedDoc) await this.wake();
      this.lastActive = performance.now();
      return task();
    });
  }

  /** Runs `task` in order like `enqueue`, but neither loads the document nor counts as use (presence). */
  inQueue<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => {});
    return run;
  }

  /** Loads the document from the database; a failure leaves the room asleep, and the next task tries again. */
  private async wake(): Promise<void> {
    const stored = await this.store.load(this.name);
    const doc = new Y.Doc({ gc: true });
    if (stored.state) Y.applyUpdate(doc, stored.state, 'storage');
    this.loadedDoc = doc;
    this.bytes = stored.bytes;
    this.lastUpdateId = stored.lastUpdateId;
  }

  /**
   * Releases the document (everything is stored: the queue has run) when the room has served nothing since
   * `cutoff`. The connections and their presence stay; the next message that needs the document loads it.
   */
  sleepIfIdleSince(cutoff: number): Promise<void> {
    return this.inQueue(() => {
      if (this.lastActive > cutoff || this.incoming.length > 0) return;
      this.loadedDoc?.destroy();
      this.loadedDoc = null;
    });
  }

  /** Applies a client's awareness update and relays what changed to every connection (run it in the queue). */
  applyAwareness(update: Uint8Array, from: SyncConnection): void {
    this.presence ??= new Presence();
    const { changed, added, removed } = this.presence.apply(update, performance.now());
    for (const id of added) from.awarenessIds.add(id);
    for (const id of removed) from.awarenessIds.delete(id);
    if (changed.length > 0) this.broadcast(awarenessMessage(this.presence.encode(changed)));
  }

  /** An awareness message with every client present, or null when nobody is. */
  awarenessMessage(): Uint8Array | null {
    const present = this.presence?.present() ?? [];
    return this.presence && present.length > 0 ? awarenessMessage(this.presence.encode(present)) : null;
  }

  /** Removes clients that stopped renewing their presence, as y-protocols' awareness does (in the queue). */
  expirePresence(now: number): void {
    const outdated = this.presence?.outdated(now) ?? [];
    if (outdated.length > 0) this.dropPresence(outdated);
  }

  private dropPresence(ids: Iterable<number>): void {
    if (!this.presence) return;
    const removed = this.presence.remove(ids);
    if (removed.length > 0) this.broadcast(awarenessMessage(this.presence.encode(removed)));
  }

  /** Waits until every queued message has been handled (and so stored). */
  flush(): Promise<unknown> {
    return this.inQueue(() => {});
  }

  broadcast(message: Uint8Array, except?: SyncConnection): void {
    for (const conn of this.connections) if (conn !== except) conn.send(message);
  }

  sendAck(to?: SyncConnection): void {
    const ack = encodeStoredAck(Y.encodeStateVector(this.doc));
    for (const conn of to ? [to] : this.connections) if (conn.wantsAck) conn.send(ack);
  }

  /**
   * Stores a client's update. Updates that arrive while the document's last append is being committed wait
   * together and are appended as one merged update by one queued task, so a busy document pays one commit per
   * round trip to the database, not one per message, and its queue never falls behind the commit latency. Each
   * is still stored before it is broadcast or acknowledged, and before anything queued after it is served
   * (SS3, SS4). Resolves once stored (false when it changed nothing); rejects as `storeUpdate` does.
   */
  submit(update: Uint8Array, origin: SyncConnection): Promise<boolean> {
    return new Promise((resolve, reject) => {
      this.incoming.push({ update, origin, resolve, reject });
      // The first waiting update queues the task that takes all of them, including those arriving meanwhile.
      if (this.incoming.length === 1) void this.enqueue(() => this.storeIncoming());
    });
  }

  private incoming: Incoming[] = [];

  private storeIncoming(): Promise<void> {
    const batch = this.incoming;
    this.incoming = [];
    return this.storeBatch(batch);
  }

  /**
   * Applies an update from the server itself (SS8) and stores it before resolving, like a client's. Must run
   * inside the queue.
   */
  storeUpdate(update: Uint8Array, origin: 'server'): Promise<boolean> {
    return new Promise((resolve, reject) => void this.storeBatch([{ update, origin, resolve, reject }]));
  }

  /**
   * Applies each update (only its new part is kept), appends what they add as one update to the log, then
   * broadcasts each to the other connections, publishes to other processes and acknowledges (SS3, SS4).
   * An update refused by the checks rejects on its own; a failed append rejects every update of the batch.
   */
  private async storeBatch(batch: Incoming[]): Promise<void> {
    const kept: { entry: Incoming; effective: Uint8Array; touched: Set<string> }[] = [];
    const known: SyncConnection[] = [];
    let pendingBytes = 0;
    for (const entry of batch) {
      try {
        const applied = await this.apply(entry.update, entry.origin, pendingBytes);
        if (!applied) {
          // Acknowledged below: an ack now would cover the batch's earlier updates, applied but not stored (SS4).
          if (entry.origin !== 'server') known.push(entry.origin);
          entry.resolve(false);
          continue;
        }
        pendingBytes += applied.effective.byteLength;
        kept.push({ entry, ...applied });
      } catch (err) {
        entry.reject(err);
      }
    }
    if (kept.length === 0) {
      for (const conn of known) this.sendAck(conn);
      return;
    }
    const stored = kept.length === 1 ? kept[0]!.effective : Y.mergeUpdates(kept.map((k) => k.effective));
    const touched = new Set<string>();
    for (const k of kept) for (const key of k.touched) touched.add(key);
    const unread = this.watched !== undefined && !this.watched.some((key) => touched.has(key));
    let markMoved: boolean;
    try {
      ({ id: this.lastUpdateId, markMoved } = await this.store.append(this.name, stored, unread));
    } catch (err) {
      for (const k of kept) k.entry.reject(err);
      return;
    }
    this.bytes += stored.byteLength;
    for (const k of kept) {
      this.broadcast(updateMessage(k.effective), k.entry.origin === 'server' ? undefined : k.entry.origin);
    }
    this.sendAck();
    await this.fanout.publish(this.name, stored).catch(() => {
      // Other processes still converge: their clients' next sync step 1 fetches it from the database.
    });
    this.onStored(this, touched, markMoved);
    for (const k of kept) k.entry.resolve(true);
  }

  /** Applies one update in memory and returns what it added, or null when it added nothing. */
  private async apply(
    update: Uint8Array,
    origin: SyncConnection | 'server',
    pendingBytes: number,
  ): Promise<{ effective: Uint8Array; touched: Set<string> } | null> {
    // The server's own answers (decisions, rejections) are small and must always land, even in a full document.
    if (origin !== 'server' && this.bytes + pendingBytes + update.byteLength > syncLimits.maxDocumentBytes)
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
    return effective ? { effective, touched } : null;
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
    return this.inQueue(async () => {
      if (!this.loadedDoc) {
        // The database already holds it (stored before published), so loading takes it in: pass it on whole.
        await this.wake();
        this.broadcast(updateMessage(update));
        this.sendAck();
        return;
      }
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
    this.dropPresence(conn.awarenessIds);
  }

  destroy(): void {
    this.loadedDoc?.destroy();
    this.loadedDoc = null;
  }
}

function awarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageTypes.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
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

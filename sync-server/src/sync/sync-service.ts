import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import {
  closeCodes,
  MIN_PROTOCOL_VERSION,
  messageTypes,
  parseDocName,
  syncLimits,
} from '@kigaligo/sync-protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { AccessCheck } from '../auth/session-revocations';
import { closeCodeOf, DomainError } from '../domain-error';
import { isDatabaseUnavailable } from '../http/db-unavailable';
import {
  defaultSocketTimeouts,
  HandshakeDeadline,
  Heartbeat,
  type SocketTimeouts,
  terminateOnError,
} from '../http/socket-guard';
import { isPreTicketClient } from '../http/token-in-url';
import type { UpgradeEndpoint } from '../http/upgrades';
import { isWellFormedTarget } from '../http/well-formed-url';
import { DocRoom, DocTooLargeError, ServerOnlyKeyError, type SyncConnection } from './doc-room';
import type { Appended, DocStore } from './doc-store';
import type { DocChange, DocTypes } from './doc-type';
import type { Fanout } from './fanout';
import { TokenBucket } from './token-bucket';

export interface SyncServiceDeps {
  store: DocStore;
  fanout: Fanout;
  /** Who may open each document type and which of its keys only the server writes (the features' registrations). */
  docTypes: DocTypes;
  /** Ticket check (revoked sessions refused) and word of revocations, to close their sockets with 4401. */
  access: AccessCheck;
  logger: Logger;
  /** Called after each stored append with the top-level keys it changed, e.g. to schedule reconciliation. */
  onStored?: (docName: string, rootKeys: Set<string>, appended: Appended) => void;
  timeouts?: SocketTimeouts | undefined;
  /** How long a document's clients may stay quiet before it leaves memory while they stay connected (SS5). */
  sleepAfterMs?: number | undefined;
}

/**
 * Most open documents are quiet most of the time (a rider's between bookings, a report once sent): keeping each
 * loaded costs about 3 KiB per connection (`pnpm bench sync-memory`), reloading one costs one read of its log.
 */
const defaultSleepAfterMs = 10_000;

type Auth =
  | { userId: string; sessionId: string; access: 'read' | 'write' }
  | { close: number; reason: string };

/** The `/sync/<docName>` WebSocket endpoint: y-websocket protocol with per-document auth (SPEC.md). */
export class SyncService implements UpgradeEndpoint {
  readonly rooms = new Map<string, DocRoom>();
  private readonly wss: WebSocketServer;
  private readonly connectionsPerUser = new Map<string, number>();
  private readonly buckets = new Map<string, TokenBucket>();
  private closing = false;
  private readonly timeouts: SocketTimeouts;
  private readonly heartbeat: Heartbeat;
  private readonly sleepSweep: ReturnType<typeof setInterval>;

  constructor(private readonly deps: SyncServiceDeps) {
    this.timeouts = deps.timeouts ?? defaultSocketTimeouts;
    this.heartbeat = new Heartbeat(this.timeouts.pingIntervalMs);
    const sleepAfterMs = deps.sleepAfterMs ?? defaultSleepAfterMs;
    // One sweep for every room, not a timer each: a room sleeps between one and one and a half times the wait.
    this.sleepSweep = setInterval(() => {
      const now = performance.now();
      for (const room of this.rooms.values()) {
        if (room.hasPresence) void room.inQueue(() => room.expirePresence(now));
        if (!room.asleep && room.lastActive <= now - sleepAfterMs)
          void room.sleepIfIdleSince(now - sleepAfterMs);
      }
      // A user's rate limit outlives their connections until it has refilled (reconnecting must not reset it).
      for (const [userId, bucket] of this.buckets)
        if (!this.connectionsPerUser.has(userId) && bucket.isFull()) this.buckets.delete(userId);
    }, sleepAfterMs / 2);
    this.sleepSweep.unref();
    // ws would close over-limit frames itself with 1009, which stock clients reconnect on; we accept up to
    // 4× the limit and refuse with a final 4413 instead (SS6).
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: syncLimits.maxMessageBytes * 4,
      // No permessage-deflate (browsers offer it): with it ws keeps zlib state per socket, ~113 KiB more server
      // memory per connection (12.4 → 125 KiB, `pnpm bench sync-memory --deflate 1`), to save ~2 KiB per 50
      // document updates (`pnpm bench wire`). Memory decides how many riders one process holds.
      perMessageDeflate: false,
    });
    deps.fanout.onUpdate((docName, update) => {
      void this.rooms.get(docName)?.applyRemote(update);
    });
    // A signed-out session's sockets close at once; the client's one refresh then fails and it signs out.
    deps.access.onRevoked((sessionId) => {
      for (const room of this.rooms.values()) {
        for (const conn of room.connections) {
          if (conn.sessionId === sessionId) conn.close(closeCodes.unauthenticated, 'signed out');
        }
      }
    });
  }

  matches(pathname: string): boolean {
    return pathname.startsWith('/sync/');
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => void this.accept(ws, req));
  }

  private async authorise(url: URL): Promise<Auth> {
    const version = Number(url.searchParams.get('v') ?? MIN_PROTOCOL_VERSION);
    if (!(version >= MIN_PROTOCOL_VERSION) || isPreTicketClient(url))
      return { close: closeCodes.upgradeRequired, reason: 'update the app' };
    // A ticket only (`POST /api/sync/ticket`): an access token in the URL is refused like a bad ticket (SS0).
    const claims = await this.deps.access.redeem(url.searchParams.get('ticket') ?? '', 'sync');
    if (!claims) return { close: closeCodes.unauthenticated, reason: 'sign in again' };
    const name = decodeURIComponent(url.pathname.slice('/sync/'.length));
    const ref = parseDocName(name);
    const type = ref && this.deps.docTypes.of(ref);
    if (!ref || !type) return { close: closeCodes.unknownDocument, reason: 'unknown document' };
    const user = { id: claims.userId, role: claims.role };
    const access = await type.authorize(ref, user, this.deps.store);
    if (access === 'unknown') return { close: closeCodes.unknownDocument, reason: 'no such document' };
    if (access === 'none') return { close: closeCodes.forbidden, reason: 'not your document' };
    return { userId: user.id, sessionId: claims.sessionId, access };
  }

  private async accept(ws: WebSocket, req: IncomingMessage): Promise<void> {
    ws.binaryType = 'nodebuffer';
    this.heartbeat.watch(ws);
    const deadline = new HandshakeDeadline(ws, this.timeouts.handshakeMs);
    // Nothing is sent and nothing is read into a document until the check passes (SS1).
    const early: Buffer[] = [];
    const buffer = (data: Buffer) => early.push(data);
    ws.on('message', buffer);
    // A bad %-escape is the client's fault and will not get better: final (SS11).
    if (!isWellFormedTarget(req.url ?? '/')) return ws.close(closeCodes.badRequest, 'malformed URL');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const auth = this.closing
      ? { close: closeCodes.serverRestart, reason: 'restarting' }
      : await this.authorise(url).catch((err: unknown) => {
          // A document type's refusal closes with the code its kind maps to (domain-error.ts).
          if (err instanceof DomainError) return { close: closeCodeOf[err.kind], reason: err.message };
          if (isDatabaseUnavailable(err))
            return { close: closeCodes.tryAgainLater, reason: 'try again later' };
          this.deps.logger.error({ err }, 'sync authorisation failed');
          return { close: 1011, reason: 'server error' };
        });
    if ('close' in auth) {
      ws.close(auth.close, auth.reason);
      return;
    }
    // Closed while it was authorised (a document type may read its owner from the database): its close event has passed.
    if (ws.readyState !== ws.OPEN) return;
    const count = (this.connectionsPerUser.get(auth.userId) ?? 0) + 1;
    if (count > syncLimits.maxConnectionsPerUser) {
      ws.close(closeCodes.rateLimited, 'too many connections');
      return;
    }
    this.connectionsPerUser.set(auth.userId, count);
    const room = this.room(decodeURIComponent(url.pathname.slice('/sync/'.length)));
    let bucket = this.buckets.get(auth.userId);
    if (!bucket) {
      bucket = new TokenBucket(syncLimits.messagesPerSecond, syncLimits.messageBurst);
      this.buckets.set(auth.userId, bucket);
    }
    const conn = new SyncSocket(ws, auth, url.searchParams.get('ack') === '1', room, bucket, deadline);
    room.connections.add(conn);
    ws.off('message', buffer);
    ws.on('message', (data: Buffer) => this.receive(conn, data));
    ws.on('close', () => this.closed(conn));
    ws.on('error', terminateOnError);
    void room.enqueue(() => this.greet(room, conn));
    for (const data of early) this.receive(conn, data);
  }

  private receive(conn: SyncSocket, data: Buffer): void {
    const { ws, room } = conn;
    // Frames already read keep arriving after close(): once refused, a socket stores nothing more.
    if (ws.readyState !== ws.OPEN) return;
    conn.deadline.done();
    if (data.byteLength > syncLimits.maxMessageBytes) {
      ws.close(closeCodes.tooLarge, 'message too large');
      return;
    }
    if (!conn.bucket.take()) {
      ws.close(closeCodes.rateLimited, 'too many messages');
      return;
    }
    const message = new Uint8Array(data);
    const update = clientUpdateOf(message);
    // Updates are stored in batches per document (DocRoom.submit); everything else is served in order.
    if (!update) {
      const served = isPresence(message)
        ? room.inQueue(() => reading(() => this.handlePresence(room, conn, message)))
        : room.enqueue(() => reading(() => this.handle(room, conn, message)));
      void served.catch((err: unknown) => {
        if (err instanceof MalformedMessageError) {
          // Reading a sync step 1 or a presence update changes nothing before it fails: only its sender goes.
          this.deps.logger.warn({ err, doc: room.name, userId: conn.userId }, 'malformed sync message');
          return ws.close(closeCodes.badRequest, 'malformed message');
        }
        if (isDatabaseUnavailable(err)) return this.evict(room, closeCodes.tryAgainLater);
        this.deps.logger.error({ err, doc: room.name }, 'sync message failed');
        this.evict(room, 1011);
      });
      return;
    }
    const work =
      conn.access === 'write'
        ? room.submit(update, conn)
        : // Read-only clients (admins on a rider's document) may not write: their updates are dropped (SS2).
          Promise.resolve(false);
    void work.catch((err: unknown) => {
      if (err instanceof DocTooLargeError) return ws.close(closeCodes.tooLarge, 'document too large');
      if (err instanceof ServerOnlyKeyError) {
        // SS10: refuse the writer for good; everyone else reloads the document without its update.
        this.deps.logger.warn({ doc: room.name, userId: conn.userId }, 'client wrote a server-only key');
        ws.close(closeCodes.forbidden, 'server-only field');
        return this.evict(room, 1011);
      }
      // The in-memory document may now hold what was not stored: drop it so it reloads from the database.
      if (isDatabaseUnavailable(err)) return this.evict(room, closeCodes.tryAgainLater);
      this.deps.logger.error({ err, doc: room.name }, 'sync message failed');
      this.evict(room, 1011);
    });
  }

  private closed(conn: SyncSocket): void {
    const open = (this.connectionsPerUser.get(conn.userId) ?? 1) - 1;
    if (open > 0) this.connectionsPerUser.set(conn.userId, open);
    else this.connectionsPerUser.delete(conn.userId);
    conn.room.removeConnection(conn);
    if (conn.room.connections.size === 0) void this.unloadIfIdle(conn.room);
  }

  private room(docName: string): DocRoom {
    let room = this.rooms.get(docName);
    if (!room) {
      const ref = parseDocName(docName);
      const type = ref && this.deps.docTypes.of(ref);
      room = new DocRoom(
        docName,
        this.deps.store,
        this.deps.fanout,
        (stored, keys, markMoved) =>
          this.deps.onStored?.(docName, keys, { id: stored.lastUpdateId, markMoved }),
        type ? type.serverKeys : [],
        type?.watch,
      );
      this.rooms.set(docName, room);
    }
    return room;
  }

  private greet(room: DocRoom, conn: SyncConnection): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageTypes.sync);
    syncProtocol.writeSyncStep1(encoder, room.doc);
    conn.send(encoding.toUint8Array(encoder));
    const awareness = room.awarenessMessage();
    if (awareness) conn.send(awareness);
  }

  private handle(room: DocRoom, conn: SyncConnection, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === messageTypes.sync) {
      const step = decoding.readVarUint(decoder);
      if (step === syncProtocol.messageYjsSyncStep1) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, messageTypes.sync);
        syncProtocol.writeSyncStep2(encoder, room.doc, decoding.readVarUint8Array(decoder));
        conn.send(encoding.toUint8Array(encoder));
        room.sendAck(conn);
      }
    }
  }

  /** Awareness: relayed without the document, so a sleeping document stays asleep (SS5). */
  private handlePresence(room: DocRoom, conn: SyncConnection, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === messageTypes.awareness) room.applyAwareness(decoding.readVarUint8Array(decoder), conn);
    else conn.send(room.awarenessMessage() ?? noAwareness);
  }

  /** SS5: a document leaves memory when its last client leaves, after its queue (and so its log) is flushed. */
  private async unloadIfIdle(room: DocRoom): Promise<void> {
    await room.flush();
    if (room.connections.size > 0 || this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    room.destroy();
    if (await this.deps.store.needsCompaction(room.name).catch(() => false)) {
      await this.deps.store
        .compact(room.name)
        .catch((err: unknown) => this.deps.logger.error({ err }, 'compaction failed'));
    }
  }

  private evict(room: DocRoom, code: number): void {
    // Once per room: every update of a failed batch reports the same failure.
    if (this.rooms.get(room.name) !== room) return;
    this.rooms.delete(room.name);
    for (const conn of room.connections) conn.close(code, 'document reloading');
    room.destroy();
  }

  /**
   * Writes into a document as the server (SS8: reconciler decisions), through the same store-then-broadcast
   * path as client updates. Loads the document if no client has it open.
   */
  async serverWrite(docName: string, change: DocChange): Promise<void> {
    const room = this.room(docName);
    await room.enqueue(async () => {
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
      const sv = Y.encodeStateVector(scratch);
      change(scratch);
      const update = Y.encodeStateAsUpdate(scratch, sv);
      scratch.destroy();
      await room.storeUpdate(update, 'server');
    });
    if (room.connections.size === 0) await this.unloadIfIdle(room);
  }

  /** SIGTERM: stop accepting, flush every document, then close clients with "restarting" so they reconnect. */
  async close(): Promise<void> {
    this.closing = true;
    this.heartbeat.stop();
    clearInterval(this.sleepSweep);
    await Promise.all([...this.rooms.values()].map((r) => r.flush()));
    for (const room of this.rooms.values()) {
      for (const conn of room.connections) conn.close(closeCodes.serverRestart, 'server restarting');
    }
    for (const ws of this.wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/**
 * One open `/sync` socket, as its room sees it (`SyncConnection`) and with what the service needs per socket.
 * A class rather than closures per socket: tsx (the server's runtime) keeps function names by defining `name`
 * on every closure it creates, which costs each closure ~256 bytes of property storage (`pnpm bench
 * sync-memory`).
 */
class SyncSocket implements SyncConnection {
  readonly userId: string;
  readonly sessionId: string;
  readonly access: 'read' | 'write';
  readonly awarenessIds = new Set<number>();

  constructor(
    readonly ws: WebSocket,
    auth: { userId: string; sessionId: string; access: 'read' | 'write' },
    readonly wantsAck: boolean,
    readonly room: DocRoom,
    readonly bucket: TokenBucket,
    readonly deadline: HandshakeDeadline,
  ) {
    this.userId = auth.userId;
    this.sessionId = auth.sessionId;
    this.access = auth.access;
  }

  send(message: Uint8Array): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(message);
  }

  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }
}

/** An awareness message announcing no one: the answer to a query when nobody announced presence. */
const noAwareness = (() => {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, messageTypes.awareness);
  encoding.writeVarUint8Array(encoder, new Uint8Array([0]));
  return encoding.toUint8Array(encoder);
})();

/** A client's message the server could not read (it changed nothing): its sender is closed with 4400. */
class MalformedMessageError extends Error {}

/** Serves a client's message: whatever `serve` throws means the message could not be read. */
function reading(serve: () => void): void {
  try {
    serve();
  } catch (err) {
    throw new MalformedMessageError('malformed message', { cause: err });
  }
}

function isPresence(message: Uint8Array): boolean {
  // Message types below 128 are one byte as a varUint.
  return message[0] === messageTypes.awareness || message[0] === messageTypes.queryAwareness;
}

/** The update a sync message carries (sync step 2 or update), or null for any other message. */
function clientUpdateOf(message: Uint8Array): Uint8Array | null {
  try {
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== messageTypes.sync) return null;
    const step = decoding.readVarUint(decoder);
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate) return null;
    return decoding.readVarUint8Array(decoder);
  } catch {
    // Malformed: handled (and refused) in order like any other message.
    return null;
  }
}

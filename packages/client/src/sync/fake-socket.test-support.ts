import { encodeStoredAck, messageTypes } from '@kigaligo/sync-protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * A WebSocket stand-in wired to an in-memory "server" Y.Doc that answers like sync-server does: sync step 2
 * to a step 1, stores updates, then a stored ack (type 100). `acks: false` models a server that received but
 * has not yet stored; `refuse` closes new sockets with a code, as the server does for a bad token.
 */
export class FakeServer {
  readonly doc = new Y.Doc();
  sockets: FakeSocket[] = [];
  acks = true;
  reachable = true;
  refuse: ((url: string) => number | null) | null = null;

  get WebSocket(): typeof WebSocket {
    const server = this;
    return class extends FakeSocket {
      constructor(url: string) {
        super(url, server);
      }
    } as unknown as typeof WebSocket;
  }

  ack(to: FakeSocket): void {
    to.deliver(encodeStoredAck(Y.encodeStateVector(this.doc)));
  }
}

export class FakeSocket {
  static readonly OPEN = 1;
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onclose: ((e: { code: number; reason: string }) => void) | null = null;
  onerror: ((e: unknown) => void) | null = null;
  onmessage: ((e: { data: ArrayBuffer }) => void) | null = null;
  /** Refused sockets are closed before anything is read, as sync-server does (SS1). */
  private refused = false;

  constructor(
    readonly url: string,
    private readonly server: FakeServer,
  ) {
    server.sockets.push(this);
    setTimeout(() => {
      if (!server.reachable) return this.closeWith(1006);
      const refused = server.refuse?.(url) ?? null;
      this.refused = refused !== null;
      this.readyState = 1;
      this.onopen?.();
      if (refused !== null) return this.closeWith(refused);
      // Like sync-server's greeting: ask for what the client has that the server lacks.
      const greet = encoding.createEncoder();
      encoding.writeVarUint(greet, messageTypes.sync);
      syncProtocol.writeSyncStep1(greet, server.doc);
      this.deliver(encoding.toUint8Array(greet));
    }, 1);
  }

  deliver(message: Uint8Array): void {
    if (this.readyState !== 1) return;
    const data = message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength);
    setTimeout(() => {
      if (this.readyState === 1) this.onmessage?.({ data: data as ArrayBuffer });
    }, 0);
  }

  send(message: Uint8Array): void {
    if (this.readyState !== 1 || this.refused) return;
    const decoder = decoding.createDecoder(message);
    if (decoding.readVarUint(decoder) !== messageTypes.sync) return;
    const reply = encoding.createEncoder();
    encoding.writeVarUint(reply, messageTypes.sync);
    syncProtocol.readSyncMessage(decoder, reply, this.server.doc, this);
    if (encoding.length(reply) > 1) this.deliver(encoding.toUint8Array(reply));
    if (this.server.acks) this.server.ack(this);
  }

  closeWith(code: number): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    setTimeout(() => this.onclose?.({ code, reason: '' }), 0);
  }

  close(): void {
    this.readyState = 3;
  }
}

export function waitFor(check: () => boolean, timeoutMs = 3_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out'));
      setTimeout(tick, 5);
    };
    tick();
  });
}

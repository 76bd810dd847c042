import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * A cheap Yjs client for load tests: one socket and one Y.Doc, the y-websocket sync protocol (step 1/2, then
 * updates) and nothing else — no awareness, no reconnects, no BroadcastChannel. `hocuspocus` prefixes every
 * message with the document name and authenticates first, as Hocuspocus' own provider does.
 */
export type Dialect = 'y-websocket' | 'hocuspocus';

const SYNC = 0;
const HOCUSPOCUS_AUTH = 2;
const HOCUSPOCUS_SYNC_REPLY = 4;
const REMOTE = Symbol('remote');

/** Where benchmark ticks live: the rider document's `preferences` map, which no reconciler reads. */
const MAP = 'preferences';
const KEY = 'benchTick';

export class YClient {
  readonly doc = new Y.Doc();
  readonly synced: Promise<void>;
  closeCode: number | undefined;
  private readonly ws: WebSocket;
  private seq = 0;

  constructor(
    url: string,
    private readonly docName: string,
    private readonly dialect: Dialect,
    /** Called for every tick received from the server: its sequence number and send time (performance.now). */
    onTick?: (seq: number, sentAt: number) => void,
    /** Offer permessage-deflate, as browsers do (the server decides whether to use it). */
    offerDeflate = false,
  ) {
    this.ws = new WebSocket(url, { perMessageDeflate: offerDeflate });
    this.ws.binaryType = 'nodebuffer';
    let resolveSynced!: () => void;
    let rejectSynced!: (e: Error) => void;
    this.synced = new Promise((resolve, reject) => {
      resolveSynced = resolve;
      rejectSynced = reject;
    });
    this.ws.on('open', () => {
      if (dialect === 'hocuspocus') {
        // Auth message (token sub-type 0); the server has no onAuthenticate hook, so any token passes.
        this.send((e) => {
          encoding.writeVarUint(e, HOCUSPOCUS_AUTH);
          encoding.writeVarUint(e, 0);
          encoding.writeVarString(e, 'bench');
        });
      }
      this.send((e) => {
        encoding.writeVarUint(e, SYNC);
        syncProtocol.writeSyncStep1(e, this.doc);
      });
    });
    this.ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (dialect === 'hocuspocus') decoding.readVarString(decoder);
      const type = decoding.readVarUint(decoder);
      if (type !== SYNC && !(dialect === 'hocuspocus' && type === HOCUSPOCUS_SYNC_REPLY)) return;
      const reply = this.encoder();
      encoding.writeVarUint(reply, SYNC);
      const before = encoding.length(reply);
      const step = syncProtocol.readSyncMessage(decoder, reply, this.doc, REMOTE);
      if (encoding.length(reply) > before) this.ws.send(encoding.toUint8Array(reply));
      if (step === syncProtocol.messageYjsSyncStep2) resolveSynced();
    });
    this.ws.on('close', (code) => {
      this.closeCode = code;
      rejectSynced(new Error(`closed with ${code} before sync`));
    });
    this.ws.on('error', () => {});
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) {
        const tick = this.doc.getMap<[number, number]>(MAP).get(KEY);
        if (tick && onTick) onTick(tick[0], tick[1]);
        return;
      }
      this.send((e) => {
        encoding.writeVarUint(e, SYNC);
        syncProtocol.writeUpdate(e, update);
      });
    });
  }

  /** One small update: the tick's sequence number and send time. Returns the sequence number. */
  tick(): number {
    const seq = ++this.seq;
    this.doc.getMap<[number, number]>(MAP).set(KEY, [seq, performance.now()]);
    return seq;
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.ws.terminate();
    this.doc.destroy();
  }

  private encoder(): encoding.Encoder {
    const e = encoding.createEncoder();
    if (this.dialect === 'hocuspocus') encoding.writeVarString(e, this.docName);
    return e;
  }

  private send(write: (e: encoding.Encoder) => void): void {
    if (this.ws.readyState !== WebSocket.OPEN) return;
    const e = this.encoder();
    write(e);
    this.ws.send(encoding.toUint8Array(e));
  }
}

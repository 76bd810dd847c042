import type { SocketPurpose, SocketTicket } from '@kigaligo/domain';
import { messageTypes, readStateVector } from '@kigaligo/sync-protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

/** A single-use socket ticket, as the apps fetch one before each connection (`POST /api/sync/ticket`). */
export async function ticketFor(
  baseUrl: string,
  accessToken: string,
  purpose: SocketPurpose = 'sync',
): Promise<string> {
  const res = await fetch(`${baseUrl}/api/sync/ticket`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ purpose }),
  });
  if (!res.ok) throw new TicketRefused(res.status);
  return ((await res.json()) as SocketTicket).ticket;
}

export class TicketRefused extends Error {
  constructor(readonly status: number) {
    super(`no socket ticket: ${status}`);
  }
}

/**
 * A stock y-websocket client in Node, as the apps use it in the browser: a fresh ticket before each
 * (re)connect. y-websocket's own reconnect would reuse the spent ticket in `params`, so it is turned off at
 * each close and done here; `connect()` reconnects after a `provider.disconnect()`.
 */
export function connectClient(
  baseUrl: string,
  docName: string,
  token: string,
  doc = new Y.Doc(),
  extraParams: Record<string, string> = {},
) {
  const provider = new WebsocketProvider(`${baseUrl.replace(/^http/, 'ws')}/sync`, docName, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    connect: false,
    params: { v: '1', ...extraParams },
    maxBackoffTime: 200,
    // Several providers share this process: without this they would sync through BroadcastChannel, not the server.
    disableBc: true,
  });
  let destroyed = false;
  const destroy = provider.destroy.bind(provider);
  provider.destroy = () => {
    destroyed = true;
    destroy();
  };
  async function connect(): Promise<void> {
    try {
      provider.params.ticket = await ticketFor(baseUrl, token, 'sync');
    } catch (err) {
      // A refused token will not get better; a server that is down (restart tests) may come back.
      if (!(err instanceof TicketRefused) && !destroyed) setTimeout(() => void connect(), 200);
      return;
    }
    if (!destroyed) provider.connect();
  }
  provider.on('connection-close', (event) => {
    if (!provider.shouldConnect) return;
    provider.shouldConnect = false;
    if (!(event && event.code >= 4400 && event.code < 4500)) setTimeout(() => void connect(), 200);
  });
  void connect();
  return { doc, provider, connect };
}

/**
 * A stock client that asks for stored acknowledgements (SS4), as the apps' sync connection does: `saved()`
 * resolves once the server has acknowledged that everything this client wrote so far is in the database.
 */
export function connectAckedClient(baseUrl: string, docName: string, token: string, doc = new Y.Doc()) {
  const client = connectClient(baseUrl, docName, token, doc, { ack: '1' });
  let stored = new Map<number, number>();
  let acks = 0;
  const waiting = new Set<() => void>();
  // The decoder stands after the type varUint; handling the type also keeps y-websocket from logging it.
  client.provider.messageHandlers[messageTypes.storedAck] = (_encoder, decoder) => {
    stored = readStateVector(decoding.readVarUint8Array(decoder));
    acks++;
    for (const w of [...waiting]) w();
  };
  /**
   * Resolves once the server has handled every message this connection sent so far — dropped ones included
   * (a read-only writer's): it sends a sync step 1, whose reply comes with an acknowledgement (SS4), and one
   * connection's messages are handled in order (SS3).
   */
  function handled(timeoutMs = 10_000): Promise<void> {
    const after = acks;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageTypes.sync);
    syncProtocol.writeSyncStep1(encoder, doc);
    client.provider.ws!.send(encoding.toUint8Array(encoder));
    return waitFor(() => acks > after, timeoutMs, `${docName}: a round trip`);
  }
  function saved(timeoutMs = 30_000): Promise<void> {
    const clock = Y.getState(doc.store, doc.clientID);
    return new Promise((resolve, reject) => {
      const check = () => {
        if ((stored.get(doc.clientID) ?? 0) < clock) return;
        waiting.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`no stored acknowledgement for ${docName} within ${timeoutMs} ms`));
      }, timeoutMs);
      waiting.add(check);
      check();
    });
  }
  /** The last stored state vector the server acknowledged (client id → clock). */
  const acked = () => new Map(stored);
  return { ...client, saved, acked, handled };
}

export function waitFor(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

/** Opens a raw socket and records every message and the close code, for access tests. */
export function rawConnect(baseUrl: string, path: string) {
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${path}`);
  const received: Buffer[] = [];
  ws.on('message', (data: Buffer) => received.push(data));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  const opened = new Promise<void>((resolve, reject) => {
    ws.on('open', () => resolve());
    ws.on('error', reject);
  });
  return { ws, received, closed, opened };
}

import {
  closeCodes,
  isFinalClose,
  messageTypes,
  PROTOCOL_VERSION,
  readStateVector,
} from '@kigaligo/sync-protocol';
import * as decoding from 'lib0/decoding';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { SignedOutError } from '../api-error';
import type { ConnectionState, SyncErrorReason } from './sync-status';
import { reasonFor } from './sync-status';

export interface ConnectionOptions {
  /** e.g. `wss://kigaligo.rw/sync`; the document name is appended. */
  serverUrl: string;
  /**
   * A fresh single-use ticket for one socket (`POST /api/sync/ticket`, which refreshes the access token when it
   * must): rejects with SignedOutError when the session is over, with another error when the server is out of
   * reach. Access tokens never go into the socket's URL.
   */
  getTicket(): Promise<string>;
  WebSocket?: typeof WebSocket;
  /** Upper bound of the reconnect delay. */
  maxBackoffMs?: number;
}

export interface ConnectionEvents {
  onState(state: ConnectionState, error: SyncErrorReason | null): void;
  /** A stored ack: the server's durable state vector (SS4). */
  onAck(stateVector: Map<number, number>): void;
}

/** Jittered exponential backoff: 200 ms, 400 ms, … up to the cap, each scaled by a random 50–100 %. */
export function backoffDelay(failures: number, capMs: number, random = Math.random): number {
  return Math.round(Math.min(2 ** failures * 100, capMs) * (0.5 + random() * 0.5));
}

/**
 * One document's WebSocket: the stock y-websocket provider plus what KigaliGo's server adds — a single-use
 * ticket for each connection, stored acks, one retry with a new ticket on 4401, final close codes, jitter, and
 * the browser's online/offline events.
 *
 * y-websocket reads `params` when it opens a socket and reconnects on its own with the same params: a spent
 * ticket. So at each close its own reconnect is cancelled (`shouldConnect = false`, which turns its scheduled
 * attempt into a no-op) and this class reconnects after the same jittered delay with a new ticket.
 */
export class SyncConnection {
  readonly provider: WebsocketProvider;
  private state: ConnectionState = 'offline';
  private error: SyncErrorReason | null = null;
  /** Set after a 4401 made us try a new ticket; cleared once a connection syncs, so a later one may again. */
  private retried = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped by every start and stop: a ticket that arrives for an older attempt is dropped. */
  private attempt = 0;
  private destroyed = false;
  private readonly cap: number;

  constructor(
    name: string,
    doc: Y.Doc,
    private readonly opts: ConnectionOptions,
    private readonly events: ConnectionEvents,
  ) {
    this.cap = opts.maxBackoffMs ?? 30_000;
    this.provider = new WebsocketProvider(opts.serverUrl, name, doc, {
      connect: false,
      params: { v: String(PROTOCOL_VERSION), ack: '1' },
      ...(opts.WebSocket ? { WebSocketPolyfill: opts.WebSocket } : {}),
    });
    // The decoder stands after the type varUint; consuming the message here also keeps y-websocket from
    // logging "Unable to compute message" for a type it does not know.
    this.provider.messageHandlers[messageTypes.storedAck] = (_encoder, decoder) => {
      this.events.onAck(readStateVector(decoding.readVarUint8Array(decoder)));
    };
    this.provider.on('status', ({ status }) => {
      // After a failed attempt we stay "offline" through the retries instead of flickering to "connecting".
      if (status === 'connecting' && this.state !== 'offline') this.set('connecting');
      if (status === 'disconnected') this.set('offline');
    });
    this.provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      this.retried = false;
      this.set('online');
    });
    this.provider.on('connection-close', (event) => {
      // A close we asked for (disconnect, destroy): nothing to reconnect.
      if (!this.provider.shouldConnect) return;
      this.provider.shouldConnect = false;
      if (event !== null && this.state !== 'error') this.set('offline');
      // Final codes are handled by the 'closed' event y-websocket emits right after this one.
      if (event !== null && isFinalClose(event.code)) return;
      this.later(backoffDelay(this.provider.wsUnsuccessfulReconnects + 1, this.cap));
    });
    this.provider.on('closed', ({ code }) => this.onFinalClose(code));
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
  }

  /** Starts connecting, unless the browser knows it is offline (then the `online` event starts it). */
  start(): void {
    if (this.state === 'error' || this.destroyed) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.set('offline');
      return;
    }
    this.set('connecting');
    this.reconnect();
  }

  /** Like `start`, but a retry: the state stays "offline" through retries instead of flickering. */
  private reconnect(): void {
    if (this.state === 'error' || this.destroyed) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.set('offline');
      return;
    }
    void this.connectWithTicket(++this.attempt);
  }

  private async connectWithTicket(attempt: number): Promise<void> {
    let ticket: string;
    try {
      ticket = await this.opts.getTicket();
    } catch (err) {
      if (attempt !== this.attempt) return;
      if (err instanceof SignedOutError) {
        this.set('error', 'signed-out');
        return;
      }
      // Offline or the server is down: keep backing off as a refused socket would.
      this.provider.wsUnsuccessfulReconnects++;
      this.set('offline');
      this.later(backoffDelay(this.provider.wsUnsuccessfulReconnects, this.cap));
      return;
    }
    if (attempt !== this.attempt || this.state === 'error' || this.provider.ws) return;
    this.provider.params.ticket = ticket;
    this.provider.connect();
  }

  private later(delayMs: number): void {
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.reconnect(), delayMs);
  }

  private readonly onOnline = () => {
    // Retry now rather than after the remaining backoff: the network just came back.
    if (this.state === 'error' || this.provider.wsconnected) return;
    this.stop();
    this.start();
  };

  private readonly onOffline = () => {
    // Chromium keeps an open socket through a network switch for a while; treat the event as the truth.
    if (this.state === 'error') return;
    this.stop();
    this.set('offline');
  };

  /** Closes the socket and forgets any pending attempt or ticket on its way. */
  private stop(): void {
    this.attempt++;
    clearTimeout(this.retryTimer);
    this.provider.disconnect();
  }

  private onFinalClose(code: number): void {
    if (!isFinalClose(code)) return;
    // A used, expired or refused ticket, or a session refreshed since: one new ticket decides. Fetching it
    // refreshes the access token if needed, or fails with SignedOutError when the session is over.
    if (code === closeCodes.unauthenticated && !this.retried) {
      this.retried = true;
      this.set('connecting');
      this.start();
      return;
    }
    this.set('error', reasonFor(code));
  }

  private set(state: ConnectionState, error: SyncErrorReason | null = null): void {
    if (state === this.state && error === this.error) return;
    this.state = state;
    this.error = error;
    this.events.onState(state, error);
  }

  destroy(): void {
    this.destroyed = true;
    this.stop();
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
    this.provider.destroy();
  }
}

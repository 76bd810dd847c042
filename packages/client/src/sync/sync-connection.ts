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
  /** The current access token from the session store (another tab or an API call may have refreshed it). */
  getToken(): string | null;
  /** Exchanges the refresh token; resolves with the new access token, rejects with SignedOutError. */
  refreshToken(staleToken: string): Promise<string>;
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
 * One document's WebSocket: the stock y-websocket provider plus what KigaliGo's server adds — stored acks,
 * one token refresh on 4401, final close codes, jitter, and the browser's online/offline events.
 */
export class SyncConnection {
  readonly provider: WebsocketProvider;
  private state: ConnectionState = 'offline';
  private error: SyncErrorReason | null = null;
  /** Set after a 4401 made us refresh; cleared once a connection syncs, so a later expiry may refresh again. */
  private refreshed = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** The token the last socket was opened with: the one a 4401 refers to. */
  private usedToken = '';
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
      params: { token: opts.getToken() ?? '', v: String(PROTOCOL_VERSION), ack: '1' },
      maxBackoffTime: backoffDelay(1, this.cap),
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
      this.refreshed = false;
      this.set('online');
    });
    this.provider.on('connection-close', (event) => {
      // y-websocket computes the next delay right after this event as min(2^n·100, maxBackoffTime), n being
      // the failures so far plus this one: setting the cap to a jittered value of that delay adds the jitter.
      this.provider.maxBackoffTime = backoffDelay(this.provider.wsUnsuccessfulReconnects + 1, this.cap);
      this.usedToken = this.provider.params.token ?? '';
      // Reconnect with the freshest token the session store has (refreshed by an API call or another tab).
      this.provider.params.token = opts.getToken() ?? '';
      if (event !== null && this.state !== 'error') this.set('offline');
    });
    this.provider.on('closed', ({ code }) => this.onFinalClose(code));
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
  }

  /** Starts connecting, unless the browser knows it is offline (then the `online` event starts it). */
  start(): void {
    if (this.state === 'error') return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.set('offline');
      return;
    }
    this.set('connecting');
    this.provider.params.token = this.opts.getToken() ?? '';
    this.provider.connect();
  }

  private readonly onOnline = () => {
    // Retry now rather than after the remaining backoff: the network just came back.
    if (this.state === 'error' || this.provider.wsconnected) return;
    this.provider.disconnect();
    this.start();
  };

  private readonly onOffline = () => {
    // Chromium keeps an open socket through a network switch for a while; treat the event as the truth.
    if (this.state === 'error') return;
    this.provider.disconnect();
    this.set('offline');
  };

  private onFinalClose(code: number): void {
    if (!isFinalClose(code)) return;
    if (code === closeCodes.unauthenticated && !this.refreshed) {
      this.refreshed = true;
      void this.refreshAndReconnect();
      return;
    }
    this.set('error', reasonFor(code));
  }

  private async refreshAndReconnect(): Promise<void> {
    this.set('connecting');
    try {
      const token = await this.opts.refreshToken(this.usedToken);
      this.provider.params.token = token;
      this.provider.connect();
    } catch (err) {
      if (err instanceof SignedOutError) {
        this.set('error', 'signed-out');
        return;
      }
      // The refresh itself could not reach the server: try the whole thing again later.
      this.refreshed = false;
      this.set('offline');
      clearTimeout(this.retryTimer);
      this.retryTimer = setTimeout(() => this.start(), backoffDelay(6, this.cap));
    }
  }

  private set(state: ConnectionState, error: SyncErrorReason | null = null): void {
    if (state === this.state && error === this.error) return;
    this.state = state;
    this.error = error;
    this.events.onState(state, error);
  }

  destroy(): void {
    clearTimeout(this.retryTimer);
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
    this.provider.destroy();
  }
}

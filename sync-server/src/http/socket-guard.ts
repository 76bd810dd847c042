import { closeCodes } from '@kigaligo/sync-protocol';
import type { WebSocket } from 'ws';

export interface SocketTimeouts {
  /** Upgrade headers, then token check + the client's first message, must each finish within this (SS11). */
  handshakeMs: number;
  /** Ping period; a peer silent for a whole period after a ping is terminated. */
  pingIntervalMs: number;
}

export const defaultSocketTimeouts: SocketTimeouts = { handshakeMs: 10_000, pingIntervalMs: 30_000 };

/**
 * Closes a socket with 1013 unless `done()` is called in time: started when the socket opens, done once the
 * token is checked and the client's first message has arrived. A class, not closures: it lives as long as its
 * socket (see `SyncSocket`). A socket that closes first is closed again when the time is up, which does
 * nothing: cheaper than a close listener on every socket for the rest of its life.
 */
export class HandshakeDeadline {
  private timer: NodeJS.Timeout | undefined;

  constructor(ws: WebSocket, ms: number) {
    this.timer = setTimeout(() => ws.close(closeCodes.tryAgainLater, 'handshake timeout'), ms);
  }

  done(): void {
    if (this.timer === undefined) return;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** A socket's 'error' listener, one for all (an emitter calls it with itself as `this`). */
export function terminateOnError(this: WebSocket): void {
  this.terminate();
}

/**
 * Server pings with dead-peer detection (SS11): a socket whose peer has not answered the previous ping is
 * terminated, so connections lost without a close frame (a phone leaving coverage) end within two periods.
 */
export class Heartbeat {
  private readonly alive = new Map<WebSocket, boolean>();
  private readonly timer: NodeJS.Timeout;
  // One pair of listeners for every socket (an emitter calls them with itself as `this`), not closures per socket.
  private readonly onPong: (this: WebSocket) => void;
  private readonly onClose: (this: WebSocket) => void;

  constructor(intervalMs: number) {
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
    const alive = this.alive;
    this.onPong = function (this: WebSocket) {
      alive.set(this, true);
    };
    this.onClose = function (this: WebSocket) {
      alive.delete(this);
    };
  }

  watch(ws: WebSocket): void {
    this.alive.set(ws, true);
    ws.on('pong', this.onPong);
    ws.on('close', this.onClose);
  }

  private beat(): void {
    for (const [ws, alive] of this.alive) {
      if (!alive) {
        this.alive.delete(ws);
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

import { type LiveVehicle, liveVehicle } from '@kigaligo/domain';
import {
  closeCodes,
  isFinalClose,
  type LiveClientMessage,
  type LiveServerMessage,
} from '@kigaligo/sync-protocol';
import { SignedOutError } from '../api-error';
import { backoffDelay } from '../sync/sync-connection';

export type LiveState = 'connecting' | 'online' | 'offline' | 'signed-out' | 'refused';
export type BBox = [minLon: number, minLat: number, maxLon: number, maxLat: number];

export interface LiveFeedOptions {
  /** e.g. `wss://kigaligo.rw/live` */
  url: string;
  /**
   * A fresh single-use ticket for one socket (`POST /api/sync/ticket`): rejects with SignedOutError when the
   * session is over, with another error when the server is out of reach. No token goes into the URL.
   */
  getTicket(): Promise<string>;
  bbox?: BBox | null;
  WebSocket?: typeof WebSocket;
  maxBackoffMs?: number;
}

export interface LiveSnapshot {
  state: LiveState;
  /** Every vehicle the server told us about, by id (the snapshot, then each change). */
  vehicles: ReadonlyMap<string, LiveVehicle>;
}

/**
 * The /live WebSocket for a map: a new single-use ticket for each connection, reconnects with jittered backoff
 * (the same curve as the sync socket), tries one new ticket on 4401, stops on other 44xx codes, and follows the browser's online/offline
 * events. Each reconnect gets a fresh snapshot, which replaces what we had.
 */
export class LiveFeed {
  private ws: WebSocket | null = null;
  private snapshot: LiveSnapshot = { state: 'connecting', vehicles: new Map() };
  private readonly listeners = new Set<() => void>();
  private failures = 0;
  private refreshed = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;
  /** Bumped by every connect and offline event: a ticket that arrives for an older attempt is dropped. */
  private attempt = 0;
  private bbox: BBox | null;

  constructor(private readonly opts: LiveFeedOptions) {
    this.bbox = opts.bbox ?? null;
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
    this.connect();
  }

  private connect(): void {
    clearTimeout(this.timer);
    if (this.closed) return;
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      this.set({ state: 'offline' });
      return;
    }
    this.set({ state: this.snapshot.state === 'offline' ? 'offline' : 'connecting' });
    const attempt = ++this.attempt;
    this.opts.getTicket().then(
      (ticket) => attempt === this.attempt && !this.closed && !this.ws && this.open(ticket),
      (err) => {
        if (attempt !== this.attempt || this.closed) return;
        if (err instanceof SignedOutError) this.set({ state: 'signed-out' });
        else this.retry();
      },
    );
  }

  private open(ticket: string): void {
    const Socket = this.opts.WebSocket ?? WebSocket;
    const ws = new Socket(`${this.opts.url}?ticket=${encodeURIComponent(ticket)}`);
    this.ws = ws;
    ws.onopen = () => ws.send(JSON.stringify(this.subscribeMessage()));
    ws.onmessage = (e) => typeof e.data === 'string' && this.onMessage(e.data);
    ws.onclose = (e) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.onClose(e.code);
    };
  }

  private subscribeMessage(): LiveClientMessage {
    return this.bbox ? { type: 'subscribe', bbox: this.bbox } : { type: 'subscribe' };
  }

  private onMessage(text: string): void {
    // `unknown` vehicles: each is validated against the domain schema before it reaches the map.
    let msg: Partial<LiveServerMessage<unknown>>;
    try {
      msg = JSON.parse(text);
    } catch {
      return;
    }
    const valid = (v: unknown) => liveVehicle.safeParse(v).data;
    if (msg.type === 'snapshot') {
      const vehicles = new Map<string, LiveVehicle>();
      for (const v of (msg.vehicles ?? []).map(valid)) if (v) vehicles.set(v.vehicleId, v);
      this.failures = 0;
      this.refreshed = false;
      this.set({ state: 'online', vehicles });
    } else if (msg.type === 'position') {
      const v = valid(msg.vehicle);
      const known = v && this.snapshot.vehicles.get(v.vehicleId);
      // The server sends forward-only; this also holds across a reconnect racing a late message.
      if (
        known &&
        Date.parse(known.recordedAt) > Date.parse(known.recordedAt === v.recordedAt ? '' : v.recordedAt)
      )
        return;
      if (v) this.set({ vehicles: new Map(this.snapshot.vehicles).set(v.vehicleId, v) });
    } else if (msg.type === 'removed' && msg.vehicleId && this.snapshot.vehicles.has(msg.vehicleId)) {
      const vehicles = new Map(this.snapshot.vehicles);
      vehicles.delete(msg.vehicleId);
      this.set({ vehicles });
    }
  }

  private onClose(code: number): void {
    if (this.closed) return;
    // A used, expired or refused ticket: one new ticket decides (fetching it refreshes the access token, or
    // fails with SignedOutError when the session is over).
    if (code === closeCodes.unauthenticated && !this.refreshed) {
      this.refreshed = true;
      this.connect();
      return;
    }
    if (code === closeCodes.unauthenticated) {
      this.set({ state: 'signed-out' });
      return;
    }
    // Other 44xx are the server's final word (forbidden, bad request): retrying would not change it.
    if (isFinalClose(code)) {
      this.set({ state: 'refused' });
      return;
    }
    this.retry();
  }

  private retry(): void {
    this.set({ state: 'offline' });
    this.failures++;
    this.timer = setTimeout(
      () => this.connect(),
      backoffDelay(this.failures, this.opts.maxBackoffMs ?? 30_000),
    );
  }

  /** Narrows the feed to a bounding box (the map's view), or everything with null. */
  setBBox(bbox: BBox | null): void {
    this.bbox = bbox;
    if (this.ws?.readyState === 1) this.ws.send(JSON.stringify(this.subscribeMessage()));
  }

  private readonly onOnline = () => {
    if (this.ws || this.snapshot.state === 'signed-out' || this.snapshot.state === 'refused') return;
    this.failures = 0;
    this.connect();
  };

  private readonly onOffline = () => {
    // Chromium keeps a dead socket open through a network switch for a while; trust the event.
    const ws = this.ws;
    this.ws = null;
    ws?.close();
    clearTimeout(this.timer);
    this.attempt++;
    this.set({ state: 'offline' });
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): LiveSnapshot => this.snapshot;

  private set(patch: Partial<LiveSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of this.listeners) l();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
    const ws = this.ws;
    this.ws = null;
    ws?.close();
  }
}

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type LiveVehicle, liveClientMessage, type TrackedVehicle } from '@kigaligo/domain';
import { closeCodes, type LiveClientMessage, type LiveServerMessage } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import type { AccessCheck } from '../auth/session-revocations';
import type { Db } from '../db/client';
import { vehicleLive, vehicles } from '../db/schema';
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
import type { LiveBus } from './live-bus';
import { loadRoster } from './live-roster';
import { VehicleFrames } from './vehicle-frames';
import {
  emptyRoster,
  pseudonyms,
  type Roster,
  type TrackedTrip,
  type Viewer,
  viewOf,
  visibility,
} from './visibility';

/** A vehicle silent this long is shown as stale. */
export const STALE_AFTER_MS = 2 * 60 * 1000;
const STALE_CHECK_MS = 10_000;
/** GTFS-Realtime leaves out positions older than this: a consumer would show a bus where it no longer is. */
export const FEED_MAX_AGE_MS = 90_000;

/** One vehicle of a GTFS-Realtime answer: as the viewer may see it, with the scheduled trip a bus runs. */
export interface FeedVehicle {
  view: LiveVehicle;
  trip?: TrackedTrip;
}
/**
 * Shifts and trips announce their changes (rosterChanged); this re-read is the safety net for a change made
 * where no announcement reaches (a process that died between commit and publish, a hand-edited row).
 */
const ROSTER_RELOAD_MS = 15_000;

type BBox = [number, number, number, number];
interface Client {
  ws: WebSocket;
  /** The socket under `ws`: shared frames that are already whole WebSocket frames are written to it directly. */
  socket: Duplex;
  sessionId: string;
  viewer: Viewer;
  pseudonym: (vehicleId: string) => string;
  bbox: BBox | null;
  /** What this client was last sent, by the vehicle's real id: the next change is sent as a difference. */
  shown: Map<string, Shown>;
}

/** What a client was last sent about a vehicle: the id it was shown under and what tells the next view apart. */
interface Shown {
  id: string;
  key: string;
}

/**
 * What a client is to be shown of a vehicle now: its entry, the view (for a snapshot), the frame (for a move:
 * text, or a whole WebSocket frame shared by every client seeing the vehicle exactly).
 */
interface Showing extends Shown {
  view(): LiveVehicle;
  frame(): string | Buffer;
}

/** A roster's content in a comparable form (maps in their keys' order). */
const rosterKey = (r: Roster) =>
  JSON.stringify(
    [r.onShift, r.riding, r.tracked].map((m) => [...m].sort(([a], [b]) => a.localeCompare(b))),
    (_k, v) => (v instanceof Set ? [...v].sort() : v),
  );

const inside = (v: { lat: number; lon: number }, b: BBox | null) =>
  !b || (v.lon >= b[0] && v.lat >= b[1] && v.lon <= b[2] && v.lat <= b[3]);

/**
 * The /live WebSocket: a snapshot of what the viewer may see (live/visibility.ts), then each change. Every
 * process keeps the whole fleet's live state and the roster (shifts, riders' trips) in memory, fed by the bus,
 * so any process can serve any client; a roster change re-sends each client what changed for it.
 */
export class LiveHub implements UpgradeEndpoint {
  readonly vehicles = new Map<string, TrackedVehicle>();
  private roster: Roster = emptyRoster;
  /** When the roster last read differently from the one before (epoch ms). */
  private rosterChangedAt = Date.now();
  private rosterRunning: Promise<void> = Promise.resolve();
  private rosterQueued: Promise<void> | null = null;
  private readonly rosterTimer: NodeJS.Timeout;
  private readonly clients = new Set<Client>();
  /** Each vehicle's frames, for the state in `vehicles` (a new state gets new frames). */
  private readonly frames = new Map<string, VehicleFrames>();

  /** Open /live sockets of this process (a metric). */
  get subscriberCount(): number {
    return this.clients.size;
  }
  // No permessage-deflate here, unlike /sync: every move goes to every watching client, and compressing it once
  // per socket (with a zlib context per socket) made fan-out to 5,000 subscribers about ten times slower and
  // ten times heavier (`pnpm bench tracking --deflate 1`, docs/benchmarks.md) for a few hundred bytes saved.
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  private readonly timer: NodeJS.Timeout;
  private readonly heartbeat: Heartbeat;

  constructor(
    private readonly db: Db,
    private readonly bus: LiveBus,
    private readonly access: AccessCheck,
    private readonly logger: Logger,
    private readonly timeouts: SocketTimeouts = defaultSocketTimeouts,
  ) {
    this.heartbeat = new Heartbeat(timeouts.pingIntervalMs);
    bus.onVehicle((v) => this.apply(v));
    bus.onRosterChange(() => void this.reloadRoster());
    access.onRevoked((sessionId) => {
      for (const c of this.clients)
        if (c.sessionId === sessionId) c.ws.close(closeCodes.unauthenticated, 'signed out');
    });
    this.timer = setInterval(() => this.markStale(), STALE_CHECK_MS);
    this.timer.unref();
    this.rosterTimer = setInterval(() => void this.reloadRoster(), ROSTER_RELOAD_MS);
    this.rosterTimer.unref();
  }

  async load(): Promise<void> {
    const rows = await this.db
      .select()
      .from(vehicleLive)
      .innerJoin(vehicles, eq(vehicles.id, vehicleLive.vehicleId));
    const now = Date.now();
    for (const { vehicle_live: l, vehicles: v } of rows) {
      this.vehicles.set(l.vehicleId, {
        vehicleId: l.vehicleId as TrackedVehicle['vehicleId'],
        kind: v.kind,
        plate: v.plate,
        lat: l.lat,
        lon: l.lon,
        recordedAt: l.recordedAt.toISOString(),
        speed: l.speed,
        heading: l.heading,
        stale: now - l.recordedAt.getTime() > STALE_AFTER_MS,
      });
    }
    this.setRoster(await loadRoster(this.db));
  }

  publish(vehicle: TrackedVehicle): Promise<void> {
    return this.bus.publish(vehicle);
  }

  /**
   * A shift started or ended, or a trip changed (assigned, accepted, finished): every process re-reads the
   * roster and sends its clients what that changes for them. Resolves once this process has applied it.
   */
  async rosterChanged(): Promise<void> {
    await this.bus.publishRosterChange();
    await this.reloadRoster();
  }

  /**
   * The fleet for a GTFS-Realtime answer at `now`: vehicles on shift only (an ended shift leaves the feed at
   * once, admins included: /live is where they see parked vehicles), with a fix at most FEED_MAX_AGE_MS old,
   * as this viewer may see each, with the trip a bus runs; and when such an answer last changed (a fix, a
   * roster change, a fix ageing out), for Last-Modified.
   */
  feedFor(viewer: Viewer, now: number): { vehicles: FeedVehicle[]; lastModified: number } {
    const pseudonym = pseudonyms();
    let lastModified = this.rosterChangedAt;
    const out: FeedVehicle[] = [];
    for (const v of this.vehicles.values()) {
      if (!this.roster.onShift.has(v.vehicleId)) continue;
      const view = viewOf(v, viewer, this.roster, pseudonym);
      if (!view) continue;
      // The time as this viewer sees it (an anonymous vehicle's cut to the minute): Last-Modified must not
      // tell the second a private vehicle moved.
      const at = Date.parse(view.recordedAt);
      if (now - at > FEED_MAX_AGE_MS) {
        lastModified = Math.max(lastModified, at + FEED_MAX_AGE_MS);
        continue;
      }
      lastModified = Math.max(lastModified, Math.min(at, now));
      const trip = view.precision === 'exact' ? this.roster.tracked.get(v.vehicleId) : undefined;
      out.push(trip ? { view, trip } : { view });
    }
    return { vehicles: out, lastModified };
  }

  /** Re-reads the roster; requests arriving while one read waits to start share it. */
  private reloadRoster(): Promise<void> {
    if (this.rosterQueued) return this.rosterQueued;
    const next = this.rosterRunning.then(async () => {
      this.rosterQueued = null;
      try {
        this.setRoster(await loadRoster(this.db));
      } catch (err) {
        // Keep showing what the last roster allowed; the next change or the timer tries again.
        this.logger.warn({ err }, 'reading the live roster failed');
        return;
      }
      for (const c of this.clients) for (const v of this.vehicles.values()) this.update(c, v);
    });
    this.rosterQueued = next;
    this.rosterRunning = next;
    return next;
  }

  private setRoster(next: Roster): void {
    if (rosterKey(next) !== rosterKey(this.roster)) this.rosterChangedAt = Date.now();
    this.roster = next;
  }

  private apply(v: TrackedVehicle): void {
    const current = this.vehicles.get(v.vehicleId);
    // Forward only, also across processes whose messages may cross.
    if (current && Date.parse(current.recordedAt) >= Date.parse(v.recordedAt)) return;
    this.vehicles.set(v.vehicleId, v);
    for (const c of this.clients) this.update(c, v);
  }

  private framesOf(v: TrackedVehicle): VehicleFrames {
    let f = this.frames.get(v.vehicleId);
    if (f?.vehicle !== v) {
      f = new VehicleFrames(v);
      this.frames.set(v.vehicleId, f);
    }
    return f;
  }

  private markStale(): void {
    const now = Date.now();
    for (const v of this.vehicles.values()) {
      if (!v.stale && now - Date.parse(v.recordedAt) > STALE_AFTER_MS) {
        // A new state, not a change in place: its frames are built anew.
        const stale = { ...v, stale: true };
        this.vehicles.set(v.vehicleId, stale);
        for (const c of this.clients) this.update(c, stale);
      }
    }
  }

  /**
   * What this client may see of the vehicle now, inside its box, or null. Exact views share the vehicle's
   * frames; an anonymous one is compared by what it reveals (cell, minute, staleness) and only built when that
   * changed, under the pseudonym this client already knows it by.
   */
  private showing(c: Client, v: TrackedVehicle): Showing | null {
    const level = visibility(v, c.viewer, this.roster);
    if (level === 'exact') {
      if (!inside(v, c.bbox)) return null;
      const frames = this.framesOf(v);
      return {
        id: v.vehicleId,
        key: frames.exactJson(),
        view: () => viewOf(v, c.viewer, this.roster, c.pseudonym)!,
        frame: () => frames.exactFrame(),
      };
    }
    if (level === null) return null;
    const frames = this.framesOf(v);
    if (!inside(frames.coarseAt(), c.bbox)) return null;
    const before = c.shown.get(v.vehicleId);
    const id = before && before.id !== v.vehicleId ? before.id : c.pseudonym(v.vehicleId);
    const view = () => viewOf(v, c.viewer, this.roster, () => id)!;
    return {
      id,
      key: frames.coarseKey(),
      view,
      frame: () =>
        JSON.stringify({ type: 'position', vehicle: view() } satisfies LiveServerMessage<LiveVehicle>),
    };
  }

  /**
   * Sends one client what changed about one vehicle for it: nothing when its view is the same (a coarse
   * vehicle moving inside its grid cell), `removed` when it left the client's view or changes id (now exact
   * or anonymous), `position` when it is new or moved.
   */
  private update(c: Client, v: TrackedVehicle): void {
    const next = this.showing(c, v);
    const previous = c.shown.get(v.vehicleId);
    if (previous && previous.id !== next?.id) {
      c.shown.delete(v.vehicleId);
      this.send(
        c,
        JSON.stringify({ type: 'removed', vehicleId: previous.id } satisfies LiveServerMessage<LiveVehicle>),
      );
    }
    if (!next || (previous?.id === next.id && previous.key === next.key)) return;
    c.shown.set(v.vehicleId, { id: next.id, key: next.key });
    this.send(c, next.frame());
  }

  private sendSnapshot(c: Client): void {
    c.shown.clear();
    const vehicles: LiveVehicle[] = [];
    for (const v of this.vehicles.values()) {
      const seen = this.showing(c, v);
      if (!seen) continue;
      c.shown.set(v.vehicleId, { id: seen.id, key: seen.key });
      vehicles.push(seen.view());
    }
    this.send(c, JSON.stringify({ type: 'snapshot', vehicles } satisfies LiveServerMessage<LiveVehicle>));
  }

  /**
   * A message as text, framed by `ws`; or a shared Buffer that is a whole frame already (VehicleFrames), written
   * to the socket as it is. /live declines compression, so `ws` writes its own frames (pings, close) to the
   * socket at once as well, and the two never interleave within a frame.
   */
  private send(c: Client, frame: string | Buffer): void {
    if (c.ws.readyState !== c.ws.OPEN) return;
    if (typeof frame === 'string') c.ws.send(frame);
    else c.socket.write(frame);
  }

  matches(pathname: string): boolean {
    return pathname === '/live' || pathname === '/live/';
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => void this.accept(ws, socket, req));
  }

  private async accept(ws: WebSocket, socket: Duplex, req: IncomingMessage): Promise<void> {
    this.heartbeat.watch(ws);
    const deadline = new HandshakeDeadline(ws, this.timeouts.handshakeMs);
    ws.on('error', terminateOnError);
    // A client may send its subscription as soon as the socket opens, before the ticket check below is done:
    // hold what arrives meanwhile and handle it after, in order, or the subscription would be lost.
    const early: Buffer[] = [];
    const hold = (data: Buffer) => early.push(data);
    ws.on('message', hold);
    if (!isWellFormedTarget(req.url ?? '/')) return ws.close(closeCodes.badRequest, 'malformed URL');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (isPreTicketClient(url)) return ws.close(closeCodes.upgradeRequired, 'update the app');
    // The ticket store (memory or Redis), no database: /live keeps working while the database is down.
    const claims = await this.access
      .redeem(url.searchParams.get('ticket') ?? '', 'live')
      .catch(() => 'unavailable' as const);
    if (claims === 'unavailable') return ws.close(closeCodes.tryAgainLater, 'try again later');
    if (!claims) return ws.close(closeCodes.unauthenticated, 'sign in again');
    // Closed while the ticket was checked: its 'close' event has passed and would never remove the client.
    if (ws.readyState !== ws.OPEN) return;
    const client: Client = {
      ws,
      socket,
      sessionId: claims.sessionId,
      viewer: { role: claims.role, userId: claims.userId },
      // A fresh salt per connection: an anonymous vehicle cannot be followed across reconnects.
      pseudonym: pseudonyms(),
      bbox: null,
      shown: new Map(),
    };
    this.clients.add(client);
    ws.on('close', () => this.clients.delete(client));
    this.sendSnapshot(client);
    ws.off('message', hold);
    // Inline, not a named closure: tsx defines `name` on every named closure it creates, ~256 bytes each, and
    // this one lives as long as the socket (see SyncSocket in sync/sync-service.ts).
    ws.on('message', (data: Buffer) => this.receive(client, deadline, data));
    for (const data of early) this.receive(client, deadline, data);
    this.logger.debug({ userId: claims.userId }, 'live client connected');
  }

  /** A client's subscription: the area it shows (or none), answered with a snapshot of it. */
  private receive(client: Client, deadline: HandshakeDeadline, data: Buffer): void {
    deadline.done();
    let parsed: ReturnType<typeof liveClientMessage.safeParse>;
    try {
      parsed = liveClientMessage.safeParse(JSON.parse(data.toString()));
    } catch {
      client.ws.close(1003, 'expected JSON');
      return;
    }
    if (!parsed.success) {
      client.ws.close(1003, 'unknown message');
      return;
    }
    // Typed as the protocol declares it: the domain schema drifting from sync-protocol fails the type check.
    const message: LiveClientMessage = parsed.data;
    client.bbox = message.bbox ?? null;
    this.sendSnapshot(client);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    clearInterval(this.rosterTimer);
    this.heartbeat.stop();
    for (const c of this.clients) c.ws.close(closeCodes.serverRestart, 'server restarting');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.bus.close();
  }
}

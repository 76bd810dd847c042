import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type LiveServerMessage, type LiveVehicle, liveClientMessage } from '@kigaligo/domain';
import { closeCodes } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type WebSocket, WebSocketServer } from 'ws';
import type { AccessCheck } from '../auth/session-revocations';
import type { Db } from '../db/client';
import { vehicleLive, vehicles } from '../db/schema';
import {
  defaultSocketTimeouts,
  Heartbeat,
  handshakeDeadline,
  type SocketTimeouts,
} from '../http/socket-guard';
import type { UpgradeEndpoint } from '../http/upgrades';
import { isWellFormedTarget } from '../http/well-formed-url';
import type { LiveBus } from './live-bus';

/** A vehicle silent this long is shown as stale. */
export const STALE_AFTER_MS = 2 * 60 * 1000;
const STALE_CHECK_MS = 10_000;

type BBox = [number, number, number, number];
interface Client {
  ws: WebSocket;
  sessionId: string;
  bbox: BBox | null;
}

const inside = (v: LiveVehicle, b: BBox | null) =>
  !b || (v.lon >= b[0] && v.lat >= b[1] && v.lon <= b[2] && v.lat <= b[3]);

/**
 * The /live WebSocket: a snapshot of the fleet, then each change. Every process keeps the whole fleet's live
 * state in memory, fed by the bus, so any process can serve any client.
 */
export class LiveHub implements UpgradeEndpoint {
  readonly vehicles = new Map<string, LiveVehicle>();
  private readonly clients = new Set<Client>();
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
    access.onRevoked((sessionId) => {
      for (const c of this.clients)
        if (c.sessionId === sessionId) c.ws.close(closeCodes.unauthenticated, 'signed out');
    });
    this.timer = setInterval(() => this.markStale(), STALE_CHECK_MS);
    this.timer.unref();
  }

  async load(): Promise<void> {
    const rows = await this.db
      .select()
      .from(vehicleLive)
      .innerJoin(vehicles, eq(vehicles.id, vehicleLive.vehicleId));
    const now = Date.now();
    for (const { vehicle_live: l, vehicles: v } of rows) {
      this.vehicles.set(l.vehicleId, {
        vehicleId: l.vehicleId as LiveVehicle['vehicleId'],
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
  }

  publish(vehicle: LiveVehicle): Promise<void> {
    return this.bus.publish(vehicle);
  }

  private apply(v: LiveVehicle): void {
    const current = this.vehicles.get(v.vehicleId);
    // Forward only, also across processes whose messages may cross.
    if (current && Date.parse(current.recordedAt) >= Date.parse(v.recordedAt)) return;
    this.vehicles.set(v.vehicleId, v);
    this.send({ type: 'position', vehicle: v }, (c) => inside(v, c.bbox));
  }

  private markStale(): void {
    const now = Date.now();
    for (const v of this.vehicles.values()) {
      if (!v.stale && now - Date.parse(v.recordedAt) > STALE_AFTER_MS) {
        v.stale = true;
        this.send({ type: 'stale', vehicleId: v.vehicleId }, (c) => inside(v, c.bbox));
      }
    }
  }

  private send(message: LiveServerMessage, to: (c: Client) => boolean): void {
    const text = JSON.stringify(message);
    for (const c of this.clients) if (to(c) && c.ws.readyState === c.ws.OPEN) c.ws.send(text);
  }

  matches(pathname: string): boolean {
    return pathname === '/live' || pathname === '/live/';
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => void this.accept(ws, req));
  }

  private async accept(ws: WebSocket, req: IncomingMessage): Promise<void> {
    this.heartbeat.watch(ws);
    const deadline = handshakeDeadline(ws, this.timeouts.handshakeMs);
    ws.on('error', () => ws.terminate());
    // A client may send its subscription as soon as the socket opens, before the token check below is done:
    // hold what arrives meanwhile and handle it after, in order, or the subscription would be lost.
    const early: Buffer[] = [];
    const hold = (data: Buffer) => early.push(data);
    ws.on('message', hold);
    if (!isWellFormedTarget(req.url ?? '/')) return ws.close(closeCodes.badRequest, 'malformed URL');
    const url = new URL(req.url ?? '/', 'http://localhost');
    // Signature and claims only, no database: /live keeps working while the database is down.
    const claims = await this.access.verify(url.searchParams.get('token') ?? '');
    if (!claims) return ws.close(closeCodes.unauthenticated, 'sign in again');
    const client: Client = { ws, sessionId: claims.sessionId, bbox: null };
    this.clients.add(client);
    ws.on('close', () => this.clients.delete(client));
    const onMessage = (data: Buffer) => {
      deadline.done();
      let parsed: ReturnType<typeof liveClientMessage.safeParse>;
      try {
        parsed = liveClientMessage.safeParse(JSON.parse(data.toString()));
      } catch {
        return ws.close(1003, 'expected JSON');
      }
      if (!parsed.success) return ws.close(1003, 'unknown message');
      client.bbox = parsed.data.bbox ?? null;
      ws.send(
        JSON.stringify({
          type: 'snapshot',
          vehicles: this.snapshot(client.bbox),
        } satisfies LiveServerMessage),
      );
    };
    ws.send(JSON.stringify({ type: 'snapshot', vehicles: this.snapshot(null) } satisfies LiveServerMessage));
    ws.off('message', hold);
    ws.on('message', onMessage);
    for (const data of early) onMessage(data);
    this.logger.debug({ userId: claims.userId }, 'live client connected');
  }

  private snapshot(bbox: BBox | null): LiveVehicle[] {
    return [...this.vehicles.values()].filter((v) => inside(v, bbox));
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.heartbeat.stop();
    for (const c of this.clients) c.ws.close(closeCodes.serverRestart, 'server restarting');
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await this.bus.close();
  }
}

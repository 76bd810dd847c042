// `pnpm bench wire [--liveSeconds 60] [--fixes 720] [--updates 200]`
// What the apps' WebSockets and a driver's uploads cost on the wire (issue 15). The server (PGlite in memory,
// seeded, the demo simulation moving motos, cars and buses) runs in this process.
// 1. WebSocket frames: an admin and a rider watch /live, and rider and driver documents sync over /sync
//    (initial sync, then small updates from a second device), each twice at once: one socket offering
//    permessage-deflate (as browsers do), one not. Bytes are counted on the TCP sockets, frame headers included.
// 2. A driver's hour: one fix every 5 s (720 an hour) uploaded one at a time as the driver app does online,
//    request and answer bytes on the socket, with the sync socket's heartbeat added. The clock is simulated:
//    the fixes are posted back to back with recordedAt 5 s apart, so the hour takes seconds.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import type { Socket } from 'node:net';
import { docName, driverDoc, riderDoc } from '@kigaligo/sync-protocol';
import { startServer } from '@kigaligo/sync-server';
import { defaultSocketTimeouts } from '@kigaligo/sync-server/bench';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { parseFlags } from './lib/flags';
import { table } from './lib/stats';

const flags = parseFlags({ liveSeconds: 60, fixes: 720, updates: 200 });
if (flags.liveSeconds > 600 || flags.fixes > 10_000 || flags.updates > 10_000)
  throw new Error('workload over the bounds');

const server = await startServer({
  port: 0,
  host: '127.0.0.1',
  dataDir: 'memory://',
  seed: true,
  logLevel: 'silent',
  demoFleet: true,
  demoSimulation: { seed: 15 },
});
const base = `http://127.0.0.1:${server.port}`;
const wsBase = `ws://127.0.0.1:${server.port}`;

// biome-ignore lint/suspicious/noExplicitAny: the bench reads loosely shaped API answers.
async function api(path: string, token: string | null, body?: unknown): Promise<Record<string, any>> {
  const res = await fetch(`${base}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}
const login = (email: string, password: string) => api('/api/auth/login', null, { email, password });

/** A WebSocket whose TCP bytes (handshake and frames, both ways) are counted; `deflate` offers compression. */
class CountedSocket {
  readonly ws: WebSocket;
  readonly opened: Promise<void>;
  messages = 0;
  private socket: Socket | undefined;
  negotiated = false;

  constructor(url: string, deflate: boolean, onMessage?: (data: Buffer) => void) {
    this.ws = new WebSocket(url, { perMessageDeflate: deflate });
    this.ws.binaryType = 'nodebuffer';
    this.ws.on('upgrade', (res) => {
      this.socket = res.socket as Socket;
      this.negotiated = /permessage-deflate/.test(String(res.headers['sec-websocket-extensions'] ?? ''));
    });
    this.ws.on('message', (data: Buffer) => {
      this.messages++;
      onMessage?.(data);
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
  }

  /** Bytes received and sent on the socket so far. */
  bytes(): { received: number; sent: number } {
    return { received: this.socket?.bytesRead ?? 0, sent: this.socket?.bytesWritten ?? 0 };
  }
}

/** A single-use socket ticket (`POST /api/sync/ticket`): access tokens never go into a socket URL. */
const ticket = async (token: string, purpose: 'sync' | 'live') =>
  (await api('/api/sync/ticket', token, { purpose })).ticket as string;
/** The same socket twice, without and with compression; `url` is asked twice, each socket needs its ticket. */
const pair = async (url: () => Promise<string>, onMessage?: (deflate: boolean, data: Buffer) => void) => ({
  plain: new CountedSocket(await url(), false, (d) => onMessage?.(false, d)),
  deflate: new CountedSocket(await url(), true, (d) => onMessage?.(true, d)),
});
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const saved = (plain: number, deflated: number) => `${(100 * (1 - deflated / plain)).toFixed(0)} %`;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

try {
  const admin = await login('admin@demo.kigaligo.rw', 'kigali-admin');
  const rider = await login('rider@demo.kigaligo.rw', 'kigali-rider');
  const driver = await login('driver@demo.kigaligo.rw', 'kigali-driver');

  // --- /live ------------------------------------------------------------------------------------------
  const subscribe = JSON.stringify({ type: 'subscribe' });
  const live = {
    admin: await pair(async () => `${wsBase}/live?ticket=${await ticket(admin.accessToken, 'live')}`),
    rider: await pair(async () => `${wsBase}/live?ticket=${await ticket(rider.accessToken, 'live')}`),
  };
  const liveSockets = Object.values(live).flatMap((p) => [p.plain, p.deflate]);
  await Promise.all(liveSockets.map((s) => s.opened));
  for (const s of liveSockets) s.ws.send(subscribe);
  await wait(flags.liveSeconds * 1000);

  // --- /sync ------------------------------------------------------------------------------------------
  const syncUrl = async (doc: string, token: string) =>
    `${wsBase}/sync/${encodeURIComponent(doc)}?ticket=${await ticket(token, 'sync')}&v=1`;
  const step1 = () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, new Y.Doc());
    return encoding.toUint8Array(e);
  };
  const riderName = docName(riderDoc(rider.user.id));
  const driverName = docName(driverDoc(driver.user.id));
  const sync = {
    rider: await pair(() => syncUrl(riderName, rider.accessToken)),
    driver: await pair(() => syncUrl(driverName, driver.accessToken)),
  };
  const syncSockets = Object.values(sync).flatMap((p) => [p.plain, p.deflate]);
  await Promise.all(syncSockets.map((s) => s.opened));
  for (const s of syncSockets) s.ws.send(step1());
  await wait(2000);
  const initial = new Map(syncSockets.map((s) => [s, s.bytes()]));

  // A second device of the rider writes small changes (one preference each), as an app does when the rider
  // saves a route or a booking moves on; both rider sockets receive every one.
  const writer = new CountedSocket(await syncUrl(riderName, rider.accessToken), false);
  await writer.opened;
  writer.ws.send(step1());
  await wait(500);
  const doc = new Y.Doc();
  doc.on('update', (update: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    syncProtocol.writeUpdate(e, update);
    writer.ws.send(encoding.toUint8Array(e));
  });
  for (let i = 0; i < flags.updates; i++) {
    doc.getMap('preferences').set('benchTick', { seq: i, at: new Date().toISOString() });
    await wait(10);
  }
  await wait(2000);

  const rows: string[][] = [
    ['stream', 'frames', 'received, plain', 'received, deflate', 'saved', 'deflate negotiated'],
  ];
  for (const [who, p] of Object.entries(live)) {
    const [a, b] = [p.plain.bytes().received, p.deflate.bytes().received];
    rows.push([
      `/live as ${who}, ${flags.liveSeconds} s`,
      String(p.plain.messages),
      kib(a),
      kib(b),
      saved(a, b),
      String(p.deflate.negotiated),
    ]);
  }
  for (const [who, p] of Object.entries(sync)) {
    const [a, b] = [initial.get(p.plain)!.received, initial.get(p.deflate)!.received];
    rows.push([
      `/sync ${who} document, initial sync`,
      '—',
      kib(a),
      kib(b),
      saved(a, b),
      String(p.deflate.negotiated),
    ]);
  }
  {
    const p = sync.rider;
    const a = p.plain.bytes().received - initial.get(p.plain)!.received;
    const b = p.deflate.bytes().received - initial.get(p.deflate)!.received;
    rows.push([
      `/sync rider document, ${flags.updates} updates`,
      String(flags.updates),
      kib(a),
      kib(b),
      saved(a, b),
      String(p.deflate.negotiated),
    ]);
  }
  for (const s of [...liveSockets, ...syncSockets, writer]) s.ws.terminate();

  // --- A driver's hour --------------------------------------------------------------------------------
  const { vehicles } = await api('/api/vehicles', driver.accessToken);
  const vehicle = vehicles.find((v: { plate: string }) => v.plate === 'RD 412 K') ?? vehicles[0];
  await api('/api/shifts', driver.accessToken, { vehicleId: vehicle.id }).catch(() => undefined);
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const sockets = new Set<Socket>();
  const start = Date.now() - flags.fixes * 5000;
  for (let i = 0; i < flags.fixes; i++) {
    const a = (i / flags.fixes) * 2 * Math.PI;
    const body = JSON.stringify({
      positions: [
        {
          id: `${randomUUID()}`,
          lat: -1.95 + 0.01 * Math.sin(a),
          lon: 30.08 + 0.01 * Math.cos(a),
          recordedAt: new Date(start + i * 5000).toISOString(),
          speed: 6,
          heading: 90,
        },
      ],
    });
    await new Promise<void>((resolve, reject) => {
      const req = request(
        `${base}/api/vehicles/${vehicle.id}/positions`,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'accept-encoding': 'br, gzip',
            authorization: `Bearer ${driver.accessToken}`,
          },
        },
        (res) => {
          res.resume();
          res.on('end', () =>
            res.statusCode === 200 ? resolve() : reject(new Error(`fix ${i}: HTTP ${res.statusCode}`)),
          );
        },
      );
      req.on('socket', (s) => sockets.add(s as Socket));
      req.on('error', reject);
      req.end(body);
    });
  }
  const up = [...sockets].reduce((n, s) => n + s.bytesWritten, 0);
  const down = [...sockets].reduce((n, s) => n + s.bytesRead, 0);
  agent.destroy();
  const perHour = 3600 / (flags.fixes * 5 || 1);
  // A ping (2-byte frame) from the server and the client's masked pong (6 bytes) every heartbeat interval.
  const heartbeat = (3600_000 / defaultSocketTimeouts.pingIntervalMs) * (2 + 6);

  console.log(
    `\nWire benchmark (${new Date().toISOString()}, Node ${process.version}, PGlite, demo simulation)`,
  );
  console.log('the server declines permessage-deflate on /sync and /live: both columns are what it sends\n');
  console.log(table(rows));
  console.log(
    `\nA driver's hour (fixes every 5 s, simulated clock: ${flags.fixes} fixes posted back to back)`,
  );
  console.log(
    table([
      ['traffic', 'sent', 'received'],
      [
        `position uploads (${Math.round(flags.fixes * perHour)} POSTs of one fix)`,
        kib(up * perHour),
        kib(down * perHour),
      ],
      ['/sync heartbeat (no document changes)', kib(heartbeat * 0.75), kib(heartbeat * 0.25)],
    ]),
  );
} finally {
  await server.close();
}

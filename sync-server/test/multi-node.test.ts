import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LiveVehicle } from '@kigaligo/domain';
import { docName, riderDoc, riderDocKeys } from '@kigaligo/sync-protocol';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { type Database, openDatabase } from '../src/db/client';
import { outbox, savedRoutes, vehicleLive, vehicles } from '../src/db/schema';
import { enqueue } from '../src/outbox/enqueue';
import { demoAccounts } from '../src/seed/demo-data';
import { connectAckedClient, ticketFor, waitFor } from '../src/test-support/sync-client';
import { createTestDatabaseUrl } from '../src/test-support/test-databases';
import { serviceUrl } from '../src/test-support/test-services';
import { haproxyPath, startCluster } from './cluster';

const redisUrl = serviceUrl('TEST_REDIS_URL', 'several server processes behind a load balancer');
const databaseReady = serviceUrl('TEST_DATABASE_URL', 'several server processes behind a load balancer');
// In CI HAProxy is installed by .ci/run; a missing one fails there rather than skipping.
if (process.env.CI && process.env.CI !== 'false' && !haproxyPath) throw new Error('HAProxy is not installed');

/** A local SendGrid v3 mail-send endpoint counting each message by the idempotency key the outbox gives it. */
function sendGrid() {
  const byKey = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d) => {
      raw += d;
    });
    req.on('end', () => {
      const body = JSON.parse(raw || '{}') as { custom_args?: { idempotencyKey?: string } };
      const key = body.custom_args?.idempotencyKey ?? '?';
      byKey.set(key, (byKey.get(key) ?? 0) + 1);
      res.writeHead(202, { 'x-message-id': `m-${byKey.size}` }).end();
    });
  });
  return { server, byKey };
}

/**
 * A /live subscriber, connected straight to one node (not through HAProxy), keeping the vehicles it was told.
 * Its ticket is asked of the cluster: whichever node issued it, the node the socket opens on redeems it (Redis).
 */
async function liveOn(url: string, token: string, clusterUrl: string) {
  const ticket = await ticketFor(clusterUrl, token, 'live');
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/live?ticket=${ticket}`);
  const seen = new Map<string, LiveVehicle>();
  ws.on('message', (d: Buffer) => {
    const m = JSON.parse(d.toString()) as { type: string; vehicle?: LiveVehicle; vehicles?: LiveVehicle[] };
    for (const v of m.type === 'snapshot' ? (m.vehicles ?? []) : m.vehicle ? [m.vehicle] : []) {
      seen.set(`${v.vehicleId}@${v.recordedAt}`, v);
    }
  });
  // Listened for at once: the caller awaits other nodes' tickets first, and this socket may open meanwhile.
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe' })));
  return { ws, seen, opened };
}

describe.runIf(redisUrl && databaseReady && haproxyPath)('three server processes behind HAProxy', () => {
  const mail = sendGrid();
  let cluster: Awaited<ReturnType<typeof startCluster>>;
  let database: Database;
  let drop: () => Promise<void>;

  const login = async (role: 'rider' | 'driver' | 'admin') => {
    const account = demoAccounts.find((a) => a.role === role)!;
    const res = await fetch(`${cluster.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: account.email, password: account.password }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { accessToken: string; user: { id: string } };
  };
  /** Open sync sockets per node, from its own /metrics (not through HAProxy). */
  const connectionsOn = async (url: string) => {
    const text = await (await fetch(`${url}/metrics`)).text();
    return Number(/^sync_connections (\d+)/m.exec(text)?.[1] ?? Number.NaN);
  };

  beforeAll(async () => {
    await new Promise<void>((r) => mail.server.listen(0, '127.0.0.1', r));
    const created = await createTestDatabaseUrl();
    drop = created.drop;
    database = await openDatabase({ databaseUrl: created.url, dataDir: '' });
    cluster = await startCluster({
      size: 3,
      env: {
        DATABASE_URL: created.url,
        REDIS_URL: redisUrl!,
        SENDGRID_API_KEY: 'SG.cluster-test',
        // Emails with links need the public origin (behind the load balancer, the one riders reach).
        PUBLIC_URL: 'https://kigaligo.example',
        SENDGRID_BASE_URL: `http://127.0.0.1:${(mail.server.address() as AddressInfo).port}`,
      },
    });
  }, 180_000);
  afterAll(async () => {
    await cluster?.stop();
    await database?.close();
    await drop?.();
    await new Promise<void>((r) => mail.server.close(() => r()));
  });

  it('spreads stock y-websocket clients over the nodes, and they converge', async () => {
    const rider = await login('rider');
    const name = docName(riderDoc(rider.user.id));
    // Round robin: consecutive connections go to consecutive nodes.
    const clients = [0, 1, 2].map(() => connectAckedClient(cluster.url, name, rider.accessToken));
    await waitFor(() => clients.every((c) => c.provider.synced), 20_000, 'all synced');
    // A socket closed and reopened under load may land elsewhere: what matters is they are spread.
    const perNode = await Promise.all(cluster.nodes.map((n) => connectionsOn(n.url)));
    expect(perNode.reduce((a, b) => a + b, 0)).toBe(3);
    expect(perNode.filter((n) => n > 0).length).toBeGreaterThanOrEqual(2);
    for (const n of cluster.nodes)
      expect(await (await fetch(`${n.url}/metrics`)).text()).toMatch(/^redis_up 1$/m);

    clients.forEach((c, i) => {
      c.doc.getMap('preferences').set(`from-${i}`, `node-${i}`);
    });
    const want = { 'from-0': 'node-0', 'from-1': 'node-1', 'from-2': 'node-2' };
    const converged = () =>
      clients.every((c) => {
        const got = c.doc.getMap('preferences').toJSON();
        return Object.entries(want).every(([k, v]) => got[k] === v);
      });
    await waitFor(converged, 20_000, 'convergence through Redis').catch((err: Error) => {
      throw new Error(
        `${err.message}: ${JSON.stringify(clients.map((c) => c.doc.getMap('preferences').toJSON()))}`,
      );
    });
    for (const c of clients) c.provider.destroy();
  });

  it('reconciles each entry once, whichever node its writer is on', async () => {
    const rider = await login('rider');
    const name = docName(riderDoc(rider.user.id));
    const clients = [0, 1, 2].map(() => connectAckedClient(cluster.url, name, rider.accessToken));
    await waitFor(() => clients.every((c) => c.provider.synced), 20_000, 'all synced');
    // Three writers on three nodes add saved routes at the same moment.
    clients.forEach((c, i) => {
      const entry = new Y.Map<unknown>();
      c.doc.getMap(riderDocKeys.savedRoutes).set(`route-${i}`, entry);
      entry.set('id', `route-${i}`);
      entry.set('name', `Route ${i}`);
      entry.set('origin', { lat: -1.95, lon: 30.06 });
      entry.set('destination', { lat: -1.94, lon: 30.08 + i / 100 });
      entry.set('createdAt', new Date().toISOString());
    });
    const savedAt = (d: Y.Doc, id: string) =>
      (d.getMap<Y.Map<unknown>>(riderDocKeys.savedRoutes).get(id)?.get('serverSavedAt') as string) ?? null;
    const ids = ['route-0', 'route-1', 'route-2'];
    await waitFor(
      () => clients.every((c) => ids.every((id) => savedAt(c.doc, id) !== null)),
      30_000,
      'every route saved, seen by every client',
    );
    // One answer per entry: every client sees the same server time for it.
    for (const id of ids) expect(new Set(clients.map((c) => savedAt(c.doc, id))).size).toBe(1);
    const rows = await database.db.select().from(savedRoutes).where(eq(savedRoutes.riderId, rider.user.id));
    expect(rows.map((r) => r.id).sort()).toEqual(ids);
    for (const c of clients) c.provider.destroy();
  });

  it('sends a position posted through one node to /live subscribers on every node', async () => {
    const admin = await login('admin');
    const live = await Promise.all(cluster.nodes.map((n) => liveOn(n.url, admin.accessToken, cluster.url)));
    await Promise.all(live.map((l) => l.opened));

    const driver = await login('driver');
    const [moto] = await database.db.select().from(vehicles).where(eq(vehicles.plate, 'RD 412 K'));
    const auth = { 'content-type': 'application/json', authorization: `Bearer ${driver.accessToken}` };
    const shift = await fetch(`${cluster.url}/api/shifts`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ vehicleId: moto!.id }),
    });
    expect(shift.status).toBe(201);
    // The demo moto already has a live position (the seeding node warms the demo fleet): move it a few metres,
    // or the fix would be refused as a jump.
    const [live0] = await database.db.select().from(vehicleLive).where(eq(vehicleLive.vehicleId, moto!.id));
    const from = live0 ?? { lat: -1.9536, lon: 30.0606 };
    const recordedAt = new Date().toISOString();
    const fix = { id: 'cluster-phone:1', lat: from.lat + 0.0001, lon: from.lon + 0.0001, recordedAt };
    const posted = await fetch(`${cluster.url}/api/vehicles/${moto!.id}/positions`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ positions: [fix] }),
    });
    expect(posted.status).toBe(200);
    expect(await posted.json()).toMatchObject({ accepted: 1, rejected: [] });
    const servedBy = posted.headers.get('x-served-by');
    expect(cluster.nodes.map((n) => n.name)).toContain(servedBy);
    await waitFor(
      () => live.every((l) => l.seen.has(`${moto!.id}@${recordedAt}`)),
      15_000,
      `the fix (posted on ${servedBy}) on every node's /live`,
    ).catch((err: Error) => {
      throw new Error(
        `${err.message}: want ${moto!.id}@${recordedAt}, got ${JSON.stringify(live.map((l) => [...l.seen.keys()]))}`,
      );
    });
    for (const l of live) l.ws.close();
  });

  it('delivers every outbox message exactly once with a worker on every node', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `cluster-mail-${i}`);
    // Written the way the server writes them; every node's worker polls for them.
    for (const key of keys) {
      await enqueue(database.db, 'email', { to: 'rider@example.rw', subject: 'Receipt', text: key }, key);
    }
    await waitFor(() => keys.every((k) => mail.byKey.has(k)), 30_000, 'all 30 delivered');
    // Give a duplicate time to show up.
    await new Promise((r) => setTimeout(r, 3000));
    expect(keys.map((k) => mail.byKey.get(k))).toEqual(keys.map(() => 1));
    const rows = await database.db.select().from(outbox).where(like(outbox.idempotencyKey, 'cluster-mail-%'));
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
  });

  it('loses no acknowledged update when a node is killed under load; its clients reconnect to the others', async () => {
    const rider = await login('rider');
    const name = docName(riderDoc(rider.user.id));
    const writers = [0, 1, 2, 3, 4, 5].map(() => connectAckedClient(cluster.url, name, rider.accessToken));
    await waitFor(() => writers.every((w) => w.provider.synced), 20_000, 'all synced');
    const victim = cluster.nodes[1]!;
    expect(await connectionsOn(victim.url)).toBeGreaterThan(0);

    // Each writer appends "<writer>:<n>" every 100 ms: six writers of one rider stay under the per-user message rate
    // (SS6, 50/s per process) even with three of them on one node; `acked` holds what was acknowledged as stored.
    const acked = new Set<string>();
    const written = new Set<string>();
    let writing = true;
    const loops = writers.map(async (w, i) => {
      for (let n = 0; writing; n++) {
        const item = `${i}:${n}`;
        w.doc.getArray<string>('log').push([item]);
        written.add(item);
        void w.saved(60_000).then(
          () => acked.add(item),
          () => {},
        );
        await new Promise((r) => setTimeout(r, 100));
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    const ackedBeforeKill = acked.size;
    await victim.process.kill();
    await new Promise((r) => setTimeout(r, 2500));
    writing = false;
    await Promise.all(loops);
    // Under load the reconnects take a while: what matters is that every writer gets there and is acknowledged.
    await Promise.all(writers.map((w) => w.saved(150_000))).catch((err: Error) => {
      const state = writers.map((w) => ({ connected: w.provider.wsconnected, synced: w.provider.synced }));
      const logs = cluster.nodes.map((n) => `${n.name}: ${n.process.problems.join('\n')}`).join('\n');
      throw new Error(`${err.message}\nwriters: ${JSON.stringify(state)}\n${logs}`);
    });
    expect(ackedBeforeKill).toBeGreaterThan(0);
    expect(await connectionsOn(cluster.nodes[0]!.url)).toBeGreaterThan(0);

    // What the database holds, read by a new client through the load balancer.
    const reader = connectAckedClient(cluster.url, name, rider.accessToken);
    await waitFor(() => reader.provider.synced, 20_000, 'reader synced');
    const stored = new Set(reader.doc.getArray<string>('log').toArray());
    const lost = [...acked].filter((item) => !stored.has(item));
    expect(lost).toEqual([]);
    // Clients resend what was not acknowledged: in the end nothing written is missing.
    expect([...written].filter((item) => !stored.has(item))).toEqual([]);
    reader.provider.destroy();
    for (const w of writers) w.provider.destroy();
  }, 300_000);
});

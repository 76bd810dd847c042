import { eq } from 'drizzle-orm';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { vehicles } from '../db/schema';
import { rawConnect, waitFor } from '../test-support/sync-client';
import { createTestDatabaseUrl } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { serviceUrl } from '../test-support/test-services';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;

function liveClient(url: string, token: string) {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/live?token=${token}`);
  const messages: { type: string; [k: string]: unknown }[] = [];
  ws.on('message', (d: Buffer) => messages.push(JSON.parse(d.toString())));
  return { ws, messages, open: new Promise((r) => ws.on('open', r)) };
}

async function startShiftAndPost(
  t: TestServer,
  fixes: { id: string; lat: number; lon: number; recordedAt: string }[],
) {
  const driver = await t.loginAs('driver');
  const [moto] = await t.server.deps.database.db
    .select()
    .from(vehicles)
    .where(eq(vehicles.plate, 'RD 412 K'));
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${driver.accessToken}` };
  await fetch(`${t.server.url}/api/shifts`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ vehicleId: moto!.id }),
  });
  const res = await fetch(`${t.server.url}/api/vehicles/${moto!.id}/positions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ positions: fixes }),
  });
  return { moto: moto!, result: (await res.json()) as { accepted: number } };
}

describe('live channel and GTFS-Realtime', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(() => t.stop());

  it('refuses a missing or bad token with 4401', async () => {
    for (const path of ['/live', '/live?token=nope']) {
      const c = rawConnect(t.server.url, path);
      expect((await c.closed).code).toBe(4401);
      expect(c.received).toHaveLength(0);
    }
  });

  it('sends a snapshot, then each move, narrowed to a bounding box when asked', async () => {
    const rider = await t.loginAs('rider');
    const all = liveClient(t.server.url, rider.accessToken);
    const far = liveClient(t.server.url, rider.accessToken);
    await Promise.all([all.open, far.open]);
    far.ws.send(JSON.stringify({ type: 'subscribe', bbox: [30.2, -2.0, 30.3, -1.9] }));
    await waitFor(() => all.messages.length >= 1 && far.messages.length >= 2);
    expect(all.messages[0]).toMatchObject({ type: 'snapshot' });
    const now = Date.now();
    const { moto, result } = await startShiftAndPost(t, [
      { id: 'dev-live:1', lat: -1.9441, lon: 30.0619, recordedAt: new Date(now - 2000).toISOString() },
      { id: 'dev-live:2', lat: -1.9442, lon: 30.0621, recordedAt: new Date(now - 1000).toISOString() },
    ]);
    expect(result.accepted).toBe(2);
    await waitFor(() => all.messages.some((m) => m.type === 'position'), 5000, 'position');
    const moved = all.messages.find((m) => m.type === 'position')!.vehicle as Record<string, unknown>;
    expect(moved).toMatchObject({
      vehicleId: moto.id,
      plate: 'RD 412 K',
      lat: -1.9442,
      lon: 30.0621,
      stale: false,
    });
    expect(far.messages.filter((m) => m.type === 'position')).toHaveLength(0);
    all.ws.close();
    far.ws.close();
  });

  it('serves GTFS-Realtime VehiclePositions: buses to anyone, every vehicle to admins', async () => {
    const decode = async (res: Response) =>
      GtfsRealtimeBindings.transit_realtime.FeedMessage.decode(new Uint8Array(await res.arrayBuffer()));
    const open = await fetch(`${t.server.url}/api/gtfs-rt/vehicle-positions`);
    expect(open.headers.get('content-type')).toBe('application/x-protobuf');
    expect((await decode(open)).entity).toHaveLength(0);
    const admin = await t.loginAs('admin');
    const full = await fetch(`${t.server.url}/api/gtfs-rt/vehicle-positions`, {
      headers: { authorization: `Bearer ${admin.accessToken}` },
    });
    const feed = await decode(full);
    expect(feed.header.gtfsRealtimeVersion).toBe('2.0');
    expect(feed.entity[0]?.vehicle?.vehicle?.licensePlate).toBe('RD 412 K');
    expect(feed.entity[0]?.vehicle?.position?.latitude).toBeCloseTo(-1.9442, 4);
  });
});

const canScaleOut = Boolean(
  serviceUrl('TEST_REDIS_URL', 'the live channel across processes (Redis)') &&
    serviceUrl('TEST_DATABASE_URL', 'the live channel across processes (Postgres)'),
);
describe.runIf(canScaleOut)('live channel across two processes with Redis', () => {
  it('a position posted to one process reaches /live subscribers on the other', async () => {
    const created = await createTestDatabaseUrl();
    const redisUrl = process.env.TEST_REDIS_URL;
    const one = await startTestServer('postgres', { databaseUrl: created.url, redisUrl });
    const two = await startTestServer('postgres', { databaseUrl: created.url, redisUrl, seed: false });
    try {
      const rider = await two.loginAs('rider');
      const watcher = liveClient(two.server.url, rider.accessToken);
      await watcher.open;
      await waitFor(() => watcher.messages.length > 0);
      await startShiftAndPost(one, [
        { id: 'dev-redis:1', lat: -1.95, lon: 30.1, recordedAt: new Date(Date.now() - 1000).toISOString() },
      ]);
      await waitFor(() => watcher.messages.some((m) => m.type === 'position'), 5000, 'position via Redis');
      watcher.ws.close();
    } finally {
      await one.stop();
      await two.stop();
      await created.drop();
    }
  });
});

import { randomUUID } from 'node:crypto';
import type { LiveVehicle } from '@kigaligo/domain';
import { closeCodes } from '@kigaligo/sync-protocol';
import { eq } from 'drizzle-orm';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { vehicles } from '../db/schema';
import { rawConnect, ticketFor, waitFor } from '../test-support/sync-client';
import { createTestDatabaseUrl, testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { serviceUrl } from '../test-support/test-services';
import {
  CITY_CENTRE,
  makeDriverOnShift,
  makeIntent,
  makeUser,
  parkFleet,
} from '../test-support/trip-fixtures';

type TestServer = Awaited<ReturnType<typeof startTestServer>>;
type Booked = { decision: { tripId: string } };
type Message = { type: string; vehicle?: LiveVehicle; vehicles?: LiveVehicle[]; vehicleId?: string };

/**
 * A /live socket that keeps every frame and, like the apps' LiveFeed, the map they add up to. Its ticket comes
 * from `ticketUrl`: another process than the one the socket opens on, in the test across processes.
 */
async function liveClient(url: string, token: string, ticketUrl = url) {
  const ticket = await ticketFor(ticketUrl, token, 'live');
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/live?ticket=${ticket}`);
  const frames: string[] = [];
  const messages: Message[] = [];
  const map = new Map<string, LiveVehicle>();
  ws.on('message', (d: Buffer, isBinary: boolean) => {
    // Text frames only: a browser hands binary ones over as Blobs, which the app does not parse.
    if (isBinary) throw new Error('binary /live frame');
    frames.push(d.toString());
    const m = JSON.parse(d.toString()) as Message;
    messages.push(m);
    if (m.type === 'snapshot') {
      map.clear();
      for (const v of m.vehicles ?? []) map.set(v.vehicleId, v);
    } else if (m.type === 'position' && m.vehicle) map.set(m.vehicle.vehicleId, m.vehicle);
    else if (m.type === 'removed' && m.vehicleId) map.delete(m.vehicleId);
  });
  return {
    ws,
    frames,
    messages,
    map,
    open: new Promise((r) => ws.on('open', r)),
    find: (pred: (v: LiveVehicle) => boolean) => [...map.values()].find(pred),
  };
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

const decode = async (res: Response) =>
  GtfsRealtimeBindings.transit_realtime.FeedMessage.decode(new Uint8Array(await res.arrayBuffer()));

describe.each(testDatabaseKinds)('who sees which vehicle on /live and GTFS-Realtime, on %s', (kind) => {
  let t: TestServer;
  const api = (path: string, token: string | null, body?: unknown) =>
    fetch(`${t.server.url}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const feed = async (token: string | null) =>
    (await decode(await api('/api/gtfs-rt/vehicle-positions', token))).entity;
  let fleet: {
    moto: Awaited<ReturnType<typeof makeDriverOnShift>>;
    car: Awaited<ReturnType<typeof makeDriverOnShift>>;
    bus: Awaited<ReturnType<typeof makeDriverOnShift>>;
    parked: Awaited<ReturnType<typeof makeDriverOnShift>>;
  };
  let rider: { id: string; token: string };
  let otherRider: { id: string; token: string };
  let admin: { id: string; token: string };
  const post = async (f: { driver: { token: string }; vehicleId: string }, lat: number, lon: number) => {
    const res = await api(`/api/vehicles/${f.vehicleId}/positions`, f.driver.token, {
      positions: [{ id: `${randomUUID()}:1`, lat, lon, recordedAt: new Date().toISOString(), speed: 5 }],
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { accepted: number }).accepted).toBe(1);
  };

  beforeAll(async () => {
    t = await startTestServer(kind);
    const { jwtSecret } = t.server.deps;
    const database = t.server.deps.database.db;
    await parkFleet(database);
    fleet = {
      moto: await makeDriverOnShift(database, jwtSecret, { kind: 'moto' }),
      car: await makeDriverOnShift(database, jwtSecret, { kind: 'car', at: { lat: -1.95, lon: 30.09 } }),
      bus: await makeDriverOnShift(database, jwtSecret, { kind: 'bus', at: { lat: -1.955, lon: 30.1 } }),
      parked: await makeDriverOnShift(database, jwtSecret, { kind: 'car', at: { lat: -1.96, lon: 30.07 } }),
    };
    await post(fleet.moto, CITY_CENTRE.lat, CITY_CENTRE.lon);
    await post(fleet.car, -1.95, 30.09);
    await post(fleet.bus, -1.955, 30.1);
    await post(fleet.parked, -1.96, 30.07);
    // The parked car's driver ends the shift: its last position stays in the hub, for admins only.
    expect((await api('/api/shifts/end', fleet.parked.driver.token, {})).status).toBe(200);
    rider = await makeUser(database, jwtSecret, 'rider');
    otherRider = await makeUser(database, jwtSecret, 'rider');
    admin = await makeUser(database, jwtSecret, 'admin');
    // The fixtures wrote vehicles straight into the database, as an admin's hand edit would: re-read.
    await t.server.live.rosterChanged();
  }, 60_000);
  afterAll(() => t.stop());

  const connect = async (token: string) => {
    const c = await liveClient(t.server.url, token);
    await c.open;
    await waitFor(() => c.messages.some((m) => m.type === 'snapshot'), 5000, 'snapshot');
    return c;
  };
  const plates = () => [fleet.moto.plate, fleet.car.plate, fleet.parked.plate];
  const privateIds = () => [fleet.moto.vehicleId, fleet.car.vehicleId, fleet.parked.vehicleId];

  it('refuses a missing or bad ticket with 4401 (no anonymous /live), and an access token in the URL with 4426', async () => {
    const spent = await ticketFor(t.server.url, admin.token, 'live');
    const first = rawConnect(t.server.url, `/live?ticket=${spent}`);
    await first.opened;
    first.ws.close();
    const paths = [
      '/live',
      '/live?ticket=nope',
      `/live?ticket=${spent}`,
      `/live?ticket=${await ticketFor(t.server.url, admin.token, 'sync')}`,
    ];
    for (const path of paths) {
      const c = rawConnect(t.server.url, path);
      expect((await c.closed).code).toBe(4401);
      expect(c.received).toHaveLength(0);
    }
    // Only an app from before tickets sends its token: "update the app", final, rather than a sign-in loop.
    const old = rawConnect(t.server.url, `/live?token=${admin.token}`);
    expect((await old.closed).code).toBe(closeCodes.upgradeRequired);
    expect(old.received).toHaveLength(0);
  });

  it('admins see every vehicle exactly, off-shift ones too (on /live; GTFS-Realtime carries vehicles on shift only)', async () => {
    const c = await connect(admin.token);
    for (const f of Object.values(fleet))
      expect(c.map.get(f.vehicleId)).toMatchObject({ plate: f.plate, precision: 'exact' });
    const entity = await feed(admin.token);
    expect(entity.map((e) => e.vehicle?.vehicle?.licensePlate).sort()).toEqual(
      [fleet.moto, fleet.car, fleet.bus].map((f) => f.plate).sort(),
    );
    c.ws.close();
  });

  it('a rider without a trip sees buses exactly, other motos and cars anonymously and coarsely, nothing off shift', async () => {
    const c = await connect(rider.token);
    expect(c.map.get(fleet.bus.vehicleId)).toMatchObject({ plate: fleet.bus.plate, precision: 'exact' });
    const moto = c.find((v) => v.kind === 'moto')!;
    expect(moto).toMatchObject({ plate: null, precision: 'coarse' });
    expect(moto.vehicleId).toMatch(/^anon-/);
    // Snapped to the centre of a 0.005° cell, the time to the minute, no speed.
    expect(moto.lat).toBeCloseTo(-1.9425, 6);
    expect(moto.lon).toBeCloseTo(30.0625, 6);
    expect(Date.parse(moto.recordedAt) % 60_000).toBe(0);
    expect(moto.speed).toBeUndefined();
    expect(c.find((v) => v.kind === 'car')).toMatchObject({ plate: null, precision: 'coarse' });
    expect(c.map.size).toBe(3);
    // No frame names a private vehicle's plate or id.
    for (const secret of [...plates(), ...privateIds()]) expect(c.frames.join('\n')).not.toContain(secret);
    // A reconnect gets other pseudonyms: an anonymous vehicle cannot be followed across connections.
    const again = await connect(rider.token);
    const ids = (x: typeof c) => [...x.map.values()].filter((v) => v.plate === null).map((v) => v.vehicleId);
    expect(ids(again).some((id) => ids(c).includes(id))).toBe(false);
    c.ws.close();
    again.ws.close();
  });

  it('GTFS-Realtime applies the same policy: buses to anonymous callers, anonymous motos and cars to riders', async () => {
    const open = await api('/api/gtfs-rt/vehicle-positions', null);
    expect(open.headers.get('content-type')).toBe('application/x-protobuf');
    const anonymous = (await decode(open)).entity;
    expect(anonymous.map((e) => e.vehicle?.vehicle?.licensePlate)).toEqual([fleet.bus.plate]);
    const forRider = await feed(rider.token);
    expect(forRider).toHaveLength(3);
    const hidden = forRider.filter((e) => !e.vehicle?.vehicle?.licensePlate);
    expect(hidden).toHaveLength(2);
    for (const e of hidden) {
      expect(e.id).toMatch(/^anon-/);
      expect(e.vehicle?.vehicle?.label ?? '').toBe('');
      expect(e.vehicle?.position?.speed ?? 0).toBe(0);
    }
    // Two requests, two sets of pseudonyms.
    const later = (await feed(rider.token)).map((e) => e.id);
    expect(hidden.some((e) => later.includes(e.id))).toBe(false);
    const forDriver = await feed(fleet.moto.driver.token);
    const own = forDriver.find((e) => e.id === fleet.moto.vehicleId);
    expect(own?.vehicle?.vehicle?.licensePlate).toBe(fleet.moto.plate);
    expect(own?.vehicle?.position?.latitude).toBeCloseTo(CITY_CENTRE.lat, 4);
  });

  it('a driver sees their own vehicle exactly and the rest as a rider would', async () => {
    const c = await connect(fleet.moto.driver.token);
    expect(c.map.get(fleet.moto.vehicleId)).toMatchObject({
      plate: fleet.moto.plate,
      precision: 'exact',
      lat: CITY_CENTRE.lat,
    });
    expect(c.find((v) => v.kind === 'car')).toMatchObject({ plate: null, precision: 'coarse' });
    expect(c.map.get(fleet.bus.vehicleId)?.precision).toBe('exact');
    expect(c.map.has(fleet.parked.vehicleId)).toBe(false);
    c.ws.close();
  });

  it("a rider's open socket switches to their vehicle's exact position when the driver accepts, and back when the trip ends", async () => {
    const mine = await connect(rider.token);
    const theirs = await connect(otherRider.token);
    const anonId = mine.find((v) => v.kind === 'moto')!.vehicleId;
    const booked = await api('/api/trips', rider.token, makeIntent());
    expect(booked.status).toBe(201);
    const tripId = ((await booked.json()) as Booked).decision.tripId;
    const act = (action: string, extra: Record<string, unknown> = {}) =>
      api(`/api/trips/${tripId}/actions`, fleet.moto.driver.token, {
        id: randomUUID(),
        tripId,
        action,
        at: new Date().toISOString(),
        ...extra,
      });
    // Offered, not yet accepted: the driver has not agreed to be seen yet.
    expect(mine.map.has(fleet.moto.vehicleId)).toBe(false);
    expect((await act('accept')).status).toBe(200);
    await waitFor(() => mine.map.has(fleet.moto.vehicleId), 5000, 'the exact vehicle');
    expect(mine.map.get(fleet.moto.vehicleId)).toMatchObject({
      plate: fleet.moto.plate,
      lat: CITY_CENTRE.lat,
    });
    expect(mine.map.has(anonId)).toBe(false);
    expect(mine.messages).toContainEqual({ type: 'removed', vehicleId: anonId });
    // Its moves reach this rider exactly, and nobody else.
    await post(fleet.moto, -1.9443, 30.0622);
    await waitFor(() => mine.map.get(fleet.moto.vehicleId)?.lon === 30.0622, 5000, 'the move');
    expect(theirs.frames.join('\n')).not.toContain(fleet.moto.vehicleId);
    expect(theirs.frames.join('\n')).not.toContain(fleet.moto.plate);
    for (const action of ['arrive', 'start']) expect((await act(action)).status).toBe(200);
    expect((await act('complete', { cashCollected: true })).status).toBe(200);
    // Trip over: anonymous again, under this connection's same pseudonym.
    await waitFor(() => !mine.map.has(fleet.moto.vehicleId), 5000, 'the exact vehicle gone');
    expect(mine.map.get(anonId)).toMatchObject({ plate: null, precision: 'coarse' });

    // A cancelled trip ends the exact view too.
    const again = await api('/api/trips', rider.token, makeIntent());
    const second = ((await again.json()) as Booked).decision.tripId;
    const accepted = await api(`/api/trips/${second}/actions`, fleet.moto.driver.token, {
      id: randomUUID(),
      tripId: second,
      action: 'accept',
      at: new Date().toISOString(),
    });
    expect(accepted.status).toBe(200);
    await waitFor(() => mine.map.has(fleet.moto.vehicleId), 5000, 'exact again');
    expect((await api(`/api/trips/${second}/cancel`, rider.token, {})).status).toBe(200);
    await waitFor(() => !mine.map.has(fleet.moto.vehicleId), 5000, 'gone after the cancel');
    expect(mine.map.get(anonId)?.precision).toBe('coarse');
    mine.ws.close();
    theirs.ws.close();
  }, 60_000);

  it('a vehicle whose shift ends leaves the riders’ map at once', async () => {
    const c = await connect(otherRider.token);
    expect(c.find((v) => v.kind === 'car')).toBeDefined();
    expect((await api('/api/shifts/end', fleet.car.driver.token, {})).status).toBe(200);
    await waitFor(() => !c.find((v) => v.kind === 'car'), 5000, 'the car removed');
    expect(c.messages.at(-1)?.type).toBe('removed');
    c.ws.close();
  });
});

describe('bounding boxes', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(() => t.stop());

  it('sends a snapshot, then each move, narrowed to a bounding box when asked', async () => {
    const admin = await t.loginAs('admin');
    const all = await liveClient(t.server.url, admin.accessToken);
    const far = await liveClient(t.server.url, admin.accessToken);
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
    await waitFor(() => all.map.get(moto.id)?.lon === 30.0621, 5000, 'position');
    expect(all.map.get(moto.id)).toMatchObject({ plate: 'RD 412 K', lat: -1.9442, stale: false });
    expect(far.messages.filter((m) => m.type === 'position')).toHaveLength(0);
    all.ws.close();
    far.ws.close();
  });
});

const canScaleOut = Boolean(
  serviceUrl('TEST_REDIS_URL', 'the live channel across processes (Redis)') &&
    serviceUrl('TEST_DATABASE_URL', 'the live channel across processes (Postgres)'),
);
describe.runIf(canScaleOut)('live channel across two processes with Redis', () => {
  it('a shift started and a position posted on one process reach /live subscribers on the other', async () => {
    const created = await createTestDatabaseUrl();
    const redisUrl = process.env.TEST_REDIS_URL;
    const one = await startTestServer('postgres', { databaseUrl: created.url, redisUrl });
    const two = await startTestServer('postgres', { databaseUrl: created.url, redisUrl, seed: false });
    try {
      const rider = await two.loginAs('rider');
      // The ticket issued by process one opens the socket on process two (tickets are kept in Redis).
      const watcher = await liveClient(two.server.url, rider.accessToken, one.server.url);
      await watcher.open;
      await waitFor(() => watcher.messages.length > 0);
      await startShiftAndPost(one, [
        { id: 'dev-redis:1', lat: -1.95, lon: 30.1, recordedAt: new Date(Date.now() - 1000).toISOString() },
      ]);
      // The other process learnt of the shift (roster) and of the move: the rider sees an anonymous moto.
      await waitFor(() => watcher.find((v) => v.kind === 'moto') !== undefined, 5000, 'moto via Redis');
      expect(watcher.find((v) => v.kind === 'moto')?.plate).toBeNull();
      watcher.ws.close();
    } finally {
      await one.stop();
      await two.stop();
      await created.drop();
    }
  });
});

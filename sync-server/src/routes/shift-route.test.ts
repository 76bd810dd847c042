import { randomUUID } from 'node:crypto';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStartingAt } from '../realtime/route-run';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { makeDriverOnShift, makeUser } from '../test-support/trip-fixtures';

const { FeedMessage } = GtfsRealtimeBindings.transit_realtime;

describe.each(testDatabaseKinds)('a bus driver says which route they run (%s)', (kind) => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  const call = (token: string, method: string, path: string, body?: unknown) =>
    fetch(`${t.server.url}/api/shifts${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(() => t.stop());

  it('matches the bus to the scheduled trip, which GTFS-Realtime then names; off route clears it', async () => {
    const db = t.server.deps.database.db;
    // Its stored position a little older than the fix below, which must be newer to reach the live feed (live
    // positions only move forward: a fix in the same millisecond as the stored one changed nothing).
    const bus = await makeDriverOnShift(db, t.server.deps.jwtSecret, {
      kind: 'bus',
      recordedAt: new Date(Date.now() - 5_000),
    });
    const network = t.server.deps.network.get();
    // Whatever the hour the test runs: a route and direction with a trip near now, when there is one.
    const now = new Date();
    const candidates = network.patterns.map((p) => ({
      routeId: network.timetable.routes[p.route]!.id,
      headsign: p.headsign,
    }));
    const running = candidates.find((c) => runStartingAt(network, c.routeId, c.headsign, now));
    if (!running) {
      const res = await call(bus.driver.token, 'PUT', '/current/route', candidates[0]);
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('no_scheduled_trip');
      return;
    }
    const res = await call(bus.driver.token, 'PUT', '/current/route', running);
    expect(res.status).toBe(200);
    const { trip } = (await res.json()) as { trip: { tripId: string; startDate: string; startTime: string } };
    expect(trip).toMatchObject(running);
    const current = (await (await call(bus.driver.token, 'GET', '/current')).json()) as { trip: unknown };
    expect(current.trip).toEqual(trip);

    // The bus reports where it is (the live feed holds buses that report), at its route's first stop.
    const first = network.patterns.find((p) => p.headsign === running.headsign)!.stops[0]!;
    const fix = await fetch(`${t.server.url}/api/vehicles/${bus.vehicleId}/positions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bus.driver.token}` },
      body: JSON.stringify({
        positions: [
          {
            id: `${randomUUID()}:1`,
            lat: network.lat[first],
            lon: network.lon[first],
            recordedAt: now.toISOString(),
          },
        ],
      }),
    });
    expect(((await fix.json()) as { accepted: number }).accepted).toBe(1);
    const feed = await fetch(`${t.server.url}/api/gtfs-rt/vehicle-positions`);
    const decoded = FeedMessage.decode(new Uint8Array(await feed.arrayBuffer()));
    const descriptors = decoded.entity.flatMap((e) => (e.vehicle?.trip ? [e.vehicle.trip] : []));
    expect(descriptors).toContainEqual(
      expect.objectContaining({ tripId: trip.tripId, startDate: trip.startDate, startTime: trip.startTime }),
    );

    const off = await call(bus.driver.token, 'DELETE', '/current/route');
    expect(off.status).toBe(200);
    expect(
      ((await (await call(bus.driver.token, 'GET', '/current')).json()) as { trip: unknown }).trip,
    ).toBeNull();
  });

  it('refuses a moto, an unknown route, a bad body, a driver off shift and a rider, changing nothing', async () => {
    const db = t.server.deps.database.db;
    const moto = await makeDriverOnShift(db, t.server.deps.jwtSecret, { kind: 'moto' });
    const bus = await makeDriverOnShift(db, t.server.deps.jwtSecret, { kind: 'bus' });
    const offShift = await makeUser(db, t.server.deps.jwtSecret, 'driver');
    const rider = await makeUser(db, t.server.deps.jwtSecret, 'rider');
    const network = t.server.deps.network.get();
    const route = { routeId: network.timetable.routes[0]!.id, headsign: network.patterns[0]!.headsign };
    const expectError = async (res: Response, status: number, code?: string) => {
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.message).toBeTruthy();
      if (code) expect(body.error.code).toBe(code);
    };
    await expectError(await call(moto.driver.token, 'PUT', '/current/route', route), 409, 'not_a_bus');
    await expectError(
      await call(bus.driver.token, 'PUT', '/current/route', { routeId: randomUUID(), headsign: 'x' }),
      404,
    );
    await expectError(await call(bus.driver.token, 'PUT', '/current/route', { routeId: '' }), 400);
    await expectError(await call(offShift.token, 'PUT', '/current/route', route), 404);
    await expectError(await call(offShift.token, 'DELETE', '/current/route'), 404);
    await expectError(await call(rider.token, 'PUT', '/current/route', route), 403);
    const current = (await (await call(bus.driver.token, 'GET', '/current')).json()) as { trip: unknown };
    expect(current.trip).toBeNull();
  });
});

import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { TrackedVehicle } from '@kigaligo/domain';
import { memoryFeedSource } from '@kigaligo/gtfs';
import { readFeed, readFeedFiles } from '@kigaligo/gtfs/node';
import { serviceDayOrigin, toServiceTime } from '@kigaligo/planner';
import { eq } from 'drizzle-orm';
import GtfsRealtimeBindings from 'gtfs-realtime-bindings';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vehicles } from '../db/schema';
import { busPosition } from '../demo/bus-runs';
import { importFeed } from '../network/feed-import';
import { findScheduledTrip } from '../realtime/scheduled-trip';
import { testDatabaseKinds } from '../test-support/test-databases';
import { startTestServer } from '../test-support/test-server';
import { makeDriverOnShift, parkFleet } from '../test-support/trip-fixtures';

const { FeedMessage } = GtfsRealtimeBindings.transit_realtime;
const decode = async (res: Response) => FeedMessage.decode(new Uint8Array(await res.arrayBuffer()));

/** The static feed the server runs on, read independently of the planner: the oracle for trip descriptors. */
const kigaliPath = fileURLToPath(new URL('../../../public/network/kigali-gtfs', import.meta.url));
const staticFeed = readFeed(kigaliPath);
const TRIP = '407-0-WD';
/** 05:00 + one 30-minute headway of its first frequency window (frequencies.txt). */
const START = '05:30:00';

describe.each(testDatabaseKinds)('GTFS-Realtime for consumers, on %s', (kind) => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${t.server.url}/api/gtfs-rt/${path}`, { headers });
  const startDate = toServiceTime(new Date(), 'Africa/Kigali').date;
  let tracked: Awaited<ReturnType<typeof makeDriverOnShift>>;
  let ended: Awaited<ReturnType<typeof makeDriverOnShift>>;
  let silent: Awaited<ReturnType<typeof makeDriverOnShift>>;
  /** Seconds the tracked bus is behind its timetable: where it is was scheduled this long ago. */
  let lateBy: number;

  const post = async (f: typeof tracked, lat: number, lon: number, at = new Date()) => {
    const res = await fetch(`${t.server.url}/api/vehicles/${f.vehicleId}/positions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${f.driver.token}` },
      body: JSON.stringify({
        positions: [{ id: `${randomUUID()}:1`, lat, lon, recordedAt: at.toISOString() }],
      }),
    });
    expect(((await res.json()) as { accepted: number }).accepted).toBe(1);
  };

  beforeAll(async () => {
    t = await startTestServer(kind);
    const db = t.server.deps.database.db;
    await parkFleet(db);
    tracked = await makeDriverOnShift(db, t.server.deps.jwtSecret, { kind: 'bus' });
    ended = await makeDriverOnShift(db, t.server.deps.jwtSecret, { kind: 'bus' });
    silent = await makeDriverOnShift(db, t.server.deps.jwtSecret, { kind: 'bus' });
    for (const f of [tracked, ended, silent])
      await db
        .update(vehicles)
        .set({ tripId: TRIP, tripStartDate: startDate, tripStartTime: START })
        .where(eq(vehicles.id, f.vehicleId));
    await t.server.live.rosterChanged();
    // The tracked bus is where its timetable put it 12 minutes into the trip.
    const network = t.server.deps.network.get();
    const run = findScheduledTrip(network, { tripId: TRIP, startDate, startTime: START })!;
    const scheduled = serviceDayOrigin(startDate, network.timetable.timezone) + (5.5 * 3600 + 12 * 60) * 1000;
    const pos = busPosition(network, run, new Date(scheduled))!;
    lateBy = Math.round((Date.now() - scheduled) / 1000);
    await post(tracked, pos.lat, pos.lon);
    await post(ended, pos.lat, pos.lon);
    // Its driver's phone went quiet 100 s ago: past the feed's 90 s.
    const quiet: TrackedVehicle = {
      vehicleId: silent.vehicleId as TrackedVehicle['vehicleId'],
      kind: 'bus',
      plate: silent.plate,
      lat: pos.lat,
      lon: pos.lon,
      recordedAt: new Date(Date.now() - 100_000).toISOString(),
      stale: false,
    };
    await t.server.live.publish(quiet);
    const end = await fetch(`${t.server.url}/api/shifts/end`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ended.driver.token}` },
      body: '{}',
    });
    expect(end.status).toBe(200);
  }, 60_000);
  afterAll(() => t.stop());

  it('VehiclePositions: the bus on shift with its trip descriptor, matching the static feed; no ended shift, no stale fix', async () => {
    const feed = await decode(await get('vehicle-positions'));
    expect(feed.entity.map((e) => e.vehicle?.vehicle?.licensePlate)).toEqual([tracked.plate]);
    const trip = feed.entity[0]!.vehicle!.trip!;
    const row = staticFeed.trips.find((x) => x.id === trip.tripId)!;
    expect(row).toBeDefined();
    expect(trip.routeId).toBe(row.routeId);
    expect(trip.directionId).toBe(row.directionId);
    expect(trip.startDate).toBe(startDate);
    expect(trip.startTime).toBe(START);
    // The start time is one of the trip's departures by its frequencies.txt windows.
    const windows = staticFeed.frequencies.filter((f) => f.tripId === trip.tripId);
    const secs = 5.5 * 3600;
    expect(
      windows.some((w) => secs >= w.start && secs < w.end && (secs - w.start) % w.headwaySecs === 0),
    ).toBe(true);
    // Also for a signed-in admin: an ended shift is out of the feed at once.
    const admin = await t.loginAs('admin');
    const forAdmin = await decode(
      await get('vehicle-positions', { authorization: `Bearer ${admin.accessToken}` }),
    );
    const plates = forAdmin.entity.map((e) => e.vehicle?.vehicle?.licensePlate);
    expect(plates).toContain(tracked.plate);
    expect(plates).not.toContain(ended.plate);
    expect(plates).not.toContain(silent.plate);
  });

  it('TripUpdates: the coming stops of the tracked trip, predictions never decreasing, delay from the live position', async () => {
    const feed = await decode(await get('trip-updates'));
    expect(feed.entity).toHaveLength(1);
    const update = feed.entity[0]!.tripUpdate!;
    const stops = update.stopTimeUpdate ?? [];
    expect(update.trip).toMatchObject({ tripId: TRIP, startDate, startTime: START });
    expect(update.vehicle?.licensePlate).toBe(tracked.plate);
    // Stop ids: the tail of the trip's stop_times, past the 12 minutes it has run.
    const stopTimes = staticFeed.stopTimes.filter((s) => s.tripId === TRIP);
    const first = stopTimes[0]!.departure;
    const coming = stopTimes.filter((s) => s.arrival - first > 12 * 60);
    const ids = stops.map((u) => u.stopId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).toEqual(stopTimes.slice(stopTimes.length - ids.length).map((s) => s.stopId));
    expect(ids.length === coming.length || ids.length === coming.length + 1).toBe(true);
    const times = stops.map((u) => Number(u.arrival!.time));
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1]!);
    // The bus runs lateBy seconds behind: each predicted arrival is the timetable's plus that delay.
    expect(Math.abs(Number(update.delay) - lateBy)).toBeLessThanOrEqual(5);
    const origin = serviceDayOrigin(startDate, 'Africa/Kigali') / 1000;
    for (const [i, u] of stops.entries()) {
      const scheduled = origin + 5.5 * 3600 + (stopTimes[stopTimes.length - ids.length + i]!.arrival - first);
      expect(Math.abs(Number(u.arrival!.time) - (scheduled + lateBy))).toBeLessThanOrEqual(5);
      expect(Number(u.arrival!.delay)).toBe(Number(u.arrival!.time) - Math.round(scheduled));
    }
  });

  it('Last-Modified and If-Modified-Since: 304 while unchanged, 200 after a new fix', async () => {
    for (const path of ['vehicle-positions', 'trip-updates']) {
      const first = await get(path);
      const lastModified = first.headers.get('last-modified')!;
      expect(Date.parse(lastModified)).toBeGreaterThan(0);
      const again = await get(path, { 'if-modified-since': lastModified });
      expect(again.status).toBe(304);
      expect(again.headers.get('last-modified')).toBe(lastModified);
    }
    const before = (await get('vehicle-positions')).headers.get('last-modified')!;
    // HTTP dates count whole seconds: the new fix is in a later one.
    await new Promise((r) => setTimeout(r, 1100));
    const [e] = (await decode(await get('vehicle-positions'))).entity;
    await post(tracked, e!.vehicle!.position!.latitude, e!.vehicle!.position!.longitude);
    const changed = await get('vehicle-positions', { 'if-modified-since': before });
    expect(changed.status).toBe(200);
    expect(Date.parse(changed.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(before));
  });

  it('?format=json for people; another format is a 400', async () => {
    const res = await get('vehicle-positions?format=json');
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await res.json()) as { entity: { vehicle: { trip: { tripId: string } } }[] };
    expect(body.entity[0]!.vehicle.trip.tripId).toBe(TRIP);
    const updates = (await (await get('trip-updates?format=json')).json()) as {
      entity: { tripUpdate: { stopTimeUpdate: unknown[] } }[];
    };
    expect(updates.entity[0]!.tripUpdate.stopTimeUpdate.length).toBeGreaterThan(0);
    const bad = await get('vehicle-positions?format=xml');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('validation_failed');
  });

  // Last in this file: it switches the active feed (to an equal copy, so the trips stay the same).
  it('Last-Modified moves on when another feed is activated, or an earlier one again, with no bus moving', async () => {
    const db = t.server.deps.database.db;
    const original = readFeedFiles(kigaliPath);
    // The same feed with one more line break: another content hash, so another feed.
    const copy = { ...original, 'stops.txt': `${original['stops.txt']}\n` };
    for (const files of [copy, original]) {
      const before = (await get('trip-updates')).headers.get('last-modified')!;
      await new Promise((r) => setTimeout(r, 1100));
      const result = await importFeed(db, memoryFeedSource(files), 'test');
      await t.server.deps.network.loadActive(db, result.feedId);
      for (const path of ['vehicle-positions', 'trip-updates']) {
        const res = await get(path, { 'if-modified-since': before });
        expect(res.status).toBe(200);
        expect(Date.parse(res.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(before));
      }
    }
  });
});

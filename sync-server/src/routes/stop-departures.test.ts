import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFeed } from '@kigaligo/gtfs/node';
import { berlinFeed } from '@kigaligo/gtfs/testing';
import { type Departure, serviceDayOrigin, toServiceTime } from '@kigaligo/planner';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vehicles } from '../db/schema';
import { busPosition } from '../demo/bus-runs';
import { findScheduledTrip } from '../realtime/scheduled-trip';
import { startTestServer } from '../test-support/test-server';
import { makeDriverOnShift, parkFleet } from '../test-support/trip-fixtures';

interface Answer {
  stop: { id: string; name: string };
  timezone: string;
  departures: Departure[];
}

// The route reads the active feed and the live fleet only, never the database: one database kind is enough.
describe('GET /api/stops/:id/departures on a feed in another zone (Europe/Berlin, daylight saving)', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  let dir: string;
  const get = (path: string) => fetch(`${t.server.url}/api/stops/${path}`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kigaligo-departures-'));
    for (const [name, text] of Object.entries(berlinFeed())) writeFileSync(join(dir, name), text);
    t = await startTestServer('pglite', { gtfsPath: dir });
  }, 60_000);
  afterAll(async () => {
    await t.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the schedule in the feed’s zone, with the trips past 24:00 of the day before, modes from route_type', async () => {
    // Wednesday 2026-01-14 22:00 in Berlin (+01:00), asked in UTC: the answer is in the feed's zone.
    const res = await get(`A/departures?from=${encodeURIComponent('2026-01-14T21:00:00Z')}&limit=5`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Answer;
    expect(body.stop).toMatchObject({ id: 'A', name: 'Alpha' });
    expect(body.timezone).toBe('Europe/Berlin');
    const seen = body.departures.map(
      (d) =>
        `${d.scheduledAt} ${d.route.shortName}/${d.route.mode} ${d.startDate} ${d.startTime} ${d.realtime}`,
    );
    // By hand from the feed: the tram every hour, the 22:30 subway; at midnight Wednesday's "24:00:00" tram
    // and Thursday's "00:00:00" one.
    expect(seen.slice(0, 3)).toEqual([
      '2026-01-14T22:00:00+01:00 M1/tram 20260114 22:00:00 false',
      '2026-01-14T22:30:00+01:00 U1/subway 20260114 22:30:00 false',
      '2026-01-14T23:00:00+01:00 M1/tram 20260114 23:00:00 false',
    ]);
    expect(seen.slice(3).sort()).toEqual([
      '2026-01-15T00:00:00+01:00 M1/tram 20260114 24:00:00 false',
      '2026-01-15T00:00:00+01:00 M1/tram 20260115 00:00:00 false',
    ]);
    for (const d of body.departures) expect(d.expectedAt).toBe(d.scheduledAt);
  });

  it('the day clocks go forward: Sunday’s "03:30:00" subway (a calendar_dates addition) leaves 03:30 summer time', async () => {
    const res = await get(`A/departures?from=${encodeURIComponent('2026-03-29T03:10:00+02:00')}&limit=1`);
    const body = (await res.json()) as Answer;
    expect(body.departures.map((d) => `${d.scheduledAt} ${d.tripId} ${d.startTime}`)).toEqual([
      '2026-03-29T03:30:00+02:00 U1-3 03:30:00',
    ]);
  });

  it('an unknown stop is a 404; a bad limit or time a 400, as JSON errors', async () => {
    const missing = await get('nowhere/departures');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('stop_not_found');
    for (const q of ['limit=0', 'limit=51', 'limit=two', 'from=yesterday', 'from=2026-01-14T22:00:00']) {
      const res = await get(`A/departures?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, q).toBeTypeOf('string');
    }
  });
});

const kigaliPath = fileURLToPath(new URL('../../../public/network/kigali-gtfs', import.meta.url));
const TRIP = '407-0-WD';
/** 05:00 + one 30-minute headway of its first frequency window (frequencies.txt). */
const START = '05:30:00';

describe('GET /api/stops/:id/departures with a tracked bus (Kigali feed)', () => {
  let t: Awaited<ReturnType<typeof startTestServer>>;
  const startDate = toServiceTime(new Date(), 'Africa/Kigali').date;
  let lateBy: number;
  let stopId: string;
  /** Seconds from the trip's first departure to its arrival at stopId (stop_times.txt). */
  let offset: number;

  beforeAll(async () => {
    t = await startTestServer('pglite');
    const db = t.server.deps.database.db;
    await parkFleet(db);
    const bus = await makeDriverOnShift(db, t.server.deps.jwtSecret, { kind: 'bus' });
    await db
      .update(vehicles)
      .set({ tripId: TRIP, tripStartDate: startDate, tripStartTime: START })
      .where(eq(vehicles.id, bus.vehicleId));
    await t.server.live.rosterChanged();
    // The bus is where its timetable put it 12 minutes into the trip, now: it runs lateBy seconds late.
    const network = t.server.deps.network.get();
    const run = findScheduledTrip(network, { tripId: TRIP, startDate, startTime: START })!;
    const scheduled = serviceDayOrigin(startDate, 'Africa/Kigali') + (5.5 * 3600 + 12 * 60) * 1000;
    const pos = busPosition(network, run, new Date(scheduled))!;
    lateBy = Math.round((Date.now() - scheduled) / 1000);
    const res = await fetch(`${t.server.url}/api/vehicles/${bus.vehicleId}/positions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${bus.driver.token}` },
      body: JSON.stringify({
        positions: [
          { id: `${randomUUID()}:1`, lat: pos.lat, lon: pos.lon, recordedAt: new Date().toISOString() },
        ],
      }),
    });
    expect(((await res.json()) as { accepted: number }).accepted).toBe(1);
    // A stop well ahead of the bus, not the trip's last: the oracle is the static feed itself.
    const stopTimes = readFeed(kigaliPath).stopTimes.filter((s) => s.tripId === TRIP);
    const ahead = stopTimes[stopTimes.length - 2]!;
    stopId = ahead.stopId;
    offset = ahead.arrival - stopTimes[0]!.departure;
  }, 60_000);
  afterAll(() => t.stop());

  it('the tracked trip’s departure is live: its timetable time plus the bus’s delay; the others scheduled', async () => {
    const res = await fetch(`${t.server.url}/api/stops/${stopId}/departures?limit=50`);
    expect(res.status).toBe(200);
    const { departures } = (await res.json()) as Answer;
    const live = departures.filter((d) => d.realtime);
    expect(live).toHaveLength(1);
    const d = live[0]!;
    expect(d).toMatchObject({ tripId: TRIP, startDate, startTime: START });
    expect(d.route.mode).toBe('bus');
    const scheduled = serviceDayOrigin(startDate, 'Africa/Kigali') + (5.5 * 3600 + offset) * 1000;
    expect(Date.parse(d.scheduledAt)).toBe(Math.round(scheduled / 1000) * 1000);
    expect(Math.abs(Date.parse(d.expectedAt) - (scheduled + lateBy * 1000))).toBeLessThanOrEqual(5000);
    // Ordered by the time a rider can expect; the scheduled ones are not before now.
    const expected = departures.map((x) => Date.parse(x.expectedAt));
    expect(expected).toEqual([...expected].sort((a, b) => a - b));
    for (const x of departures.filter((y) => !y.realtime)) {
      expect(x.expectedAt).toBe(x.scheduledAt);
      expect(Date.parse(x.scheduledAt)).toBeGreaterThanOrEqual(Date.now() - 60_000);
    }
  });
});

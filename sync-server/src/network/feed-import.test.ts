import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedError, memoryFeedSource, PROGRESS_EVERY_ROWS } from '@kigaligo/gtfs';
import { smallFeed } from '@kigaligo/gtfs/testing';
import { planTrip } from '@kigaligo/planner';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkFeeds, routes, stops } from '../db/schema';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../test-support/test-databases';
import { type ImportProgress, INSERT_BATCH, importFeed } from './feed-import';
import { NetworkService } from './network-service';

describe.each(testDatabaseKinds)('GTFS import on %s', (kind) => {
  let database: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    database = await openTestDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'kigaligo-gtfs-'));
  });
  afterAll(async () => {
    await database.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports any valid feed from a folder, and the server plans on it', async () => {
    for (const [name, text] of Object.entries(smallFeed())) writeFileSync(join(dir, name), text);
    const network = new NetworkService();
    await network.loadFromPath(database.db, dir);
    expect((await database.db.select().from(stops)).map((s) => s.id).sort()).toEqual(['P', 'S1', 'S2', 'S3']);
    expect((await database.db.select().from(routes))[0]).toMatchObject({
      shortName: '101',
      operator: 'Test Bus',
    });
    // A Monday at 07:55 Kigali time: the 08:00 trip from Park to End.
    const its = planTrip(network.get(), {
      from: { lat: -1.9401, lon: 30.0401 },
      to: { lat: -1.96, lon: 30.08 },
      departAt: '2026-11-23T07:55:00+02:00',
      moto: false,
    });
    expect(its[0]?.legs.some((l) => l.mode === 'bus' && l.route?.shortName === '101')).toBe(true);
  });

  it('re-importing the same feed is a no-op', async () => {
    const again = await importFeed(database.db, memoryFeedSource(smallFeed()), 'again');
    expect(again.imported).toBe(false);
    expect(await database.db.select().from(networkFeeds)).toHaveLength(1);
  });

  it('stores how many shapes a feed has, and refuses a trip naming an unknown shape, changing nothing', async () => {
    const files = smallFeed();
    files['trips.txt'] = 'route_id,service_id,trip_id,shape_id\nR1,WD,T1,SH1\nR1,WD,T2,SH1\n';
    files['shapes.txt'] =
      'shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence\nSH1,-1.9401,30.0401,1\nSH1,-1.95,30.06,2\nSH1,-1.96,30.08,3\n';
    const withShapes = await importFeed(database.db, memoryFeedSource(files), 'with-shapes');
    expect(withShapes).toMatchObject({ imported: true, shapes: 1, trips: 2 });
    const [row] = await database.db.select().from(networkFeeds).where(eq(networkFeeds.active, true));
    expect(row).toMatchObject({ source: 'with-shapes', shapeCount: 1 });

    files['trips.txt'] = files['trips.txt'].replace('R1,WD,T2,SH1', 'R1,WD,T2,SH9');
    const err = await importFeed(database.db, memoryFeedSource(files), 'unknown-shape').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FeedError);
    expect((err as FeedError).message).toContain('trips.txt:3: shape_id "SH9" is not in shapes.txt');
    const [still] = await database.db.select().from(networkFeeds).where(eq(networkFeeds.active, true));
    expect(still?.id).toBe(row?.id);

    // Back to the feed without shapes.txt, which the next test expects to be active.
    expect(await importFeed(database.db, memoryFeedSource(smallFeed()), 'again')).toMatchObject({
      imported: false,
      shapes: 0,
    });
  });

  it('refuses a malformed feed naming file and line, and changes nothing', async () => {
    const files = smallFeed();
    files['stop_times.txt'] = files['stop_times.txt']!.replace(
      'T1,08:20:00,08:20:00,S3,3',
      'T1,8h20,08:20:00,NOPE,3',
    );
    delete files['agency.txt'];
    const err = await importFeed(database.db, memoryFeedSource(files), 'bad').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedError);
    const message = (err as FeedError).message;
    expect(message).toMatch(/agency\.txt: required file is missing/);
    expect(message).toMatch(/stop_times\.txt:\d+/);
    expect(await database.db.select().from(networkFeeds)).toHaveLength(2);
    expect(await database.db.select().from(stops)).toHaveLength(4);
  });

  // More stops than one INSERT batch and more stop_times than one progress step, read in 4 KiB chunks.
  const stopCount = INSERT_BATCH + 200;
  const tripCount = Math.ceil((PROGRESS_EVERY_ROWS + 1) / 25);
  function biggerFeed(): Record<string, string> {
    const files = smallFeed();
    const stopRows = Array.from(
      { length: stopCount },
      (_, i) => `B${i},Stop ${i},${(-1.9 - i / 10_000).toFixed(5)},${(30.0 + i / 10_000).toFixed(5)}`,
    );
    files['stops.txt'] = `stop_id,stop_name,stop_lat,stop_lon\n${stopRows.join('\n')}\n`;
    files['trips.txt'] =
      `route_id,service_id,trip_id\n${Array.from({ length: tripCount }, (_, t) => `R1,WD,BT${t}`).join('\n')}\n`;
    const times: string[] = [];
    for (let t = 0; t < tripCount; t++) {
      for (let k = 0; k < 25; k++) {
        const secs = 5 * 3600 + (t % 600) * 60 + k * 90;
        const hms = [secs / 3600, (secs / 60) % 60, secs % 60]
          .map((x) => String(Math.floor(x)).padStart(2, '0'))
          .join(':');
        times.push(`BT${t},${hms},${hms},B${(t * 7 + k * 41) % stopCount},${k + 1}`);
      }
    }
    files['stop_times.txt'] =
      `trip_id,arrival_time,departure_time,stop_id,stop_sequence\n${times.join('\n')}\n`;
    return files;
  }

  it('streams a feed larger than a batch, reporting progress per file and per batch', async () => {
    const events: ImportProgress[] = [];
    const r = await importFeed(database.db, memoryFeedSource(biggerFeed(), 4096), 'bigger', (p) =>
      events.push(p),
    );
    expect(r).toMatchObject({ imported: true, stops: stopCount, trips: tripCount });
    expect(await database.db.select().from(stops)).toHaveLength(stopCount);
    const stopTimes = events.filter((e) => e.stage === 'parse' && e.file === 'stop_times.txt');
    expect(stopTimes).toEqual([
      expect.objectContaining({ rows: PROGRESS_EVERY_ROWS, done: false }),
      expect.objectContaining({ rows: tripCount * 25, done: true }),
    ]);
    expect(events.filter((e) => e.stage === 'write' && e.table === 'stops')).toEqual([
      { stage: 'write', table: 'stops', rows: INSERT_BATCH, done: false },
      { stage: 'write', table: 'stops', rows: stopCount, done: true },
    ]);
    expect(events.filter((e) => e.stage === 'bundle').map((e) => e.done)).toEqual([false, true]);
  });

  it('names the file and line of a malformed row deep in a streamed file, and changes nothing', async () => {
    const files = biggerFeed();
    const lines = files['stop_times.txt']!.split('\n');
    lines[40_000] = lines[40_000]!.replace(/,(\d\d:\d\d:\d\d),/, ',25h61,');
    files['stop_times.txt'] = lines.join('\n');
    const err = await importFeed(database.db, memoryFeedSource(files, 4096), 'malformed').catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(FeedError);
    expect((err as FeedError).message).toContain(
      'stop_times.txt:40001: arrival_time "25h61" is not a time HH:MM:SS',
    );
    const [active] = await database.db.select().from(networkFeeds).where(eq(networkFeeds.active, true));
    expect(active?.source).toBe('bigger');
  });

  it('a failure while writing rolls the whole import back: the previous feed stays active, its stops intact', async () => {
    const before = await database.db.select().from(networkFeeds).where(eq(networkFeeds.active, true));
    const abort = (p: ImportProgress) => {
      if (p.stage === 'write' && p.table === 'stops' && !p.done) throw new Error('disk full');
    };
    const files = biggerFeed();
    files['stops.txt'] += 'EXTRA,Extra stop,-1.95,30.05\n';
    const failed = await importFeed(database.db, memoryFeedSource(files), 'aborted', abort).catch(
      (e: unknown) => e,
    );
    expect((failed as Error).message).toBe('disk full');
    const after = await database.db.select().from(networkFeeds).where(eq(networkFeeds.active, true));
    expect(after.map((f) => f.id)).toEqual(before.map((f) => f.id));
    expect(await database.db.select().from(networkFeeds).where(eq(networkFeeds.source, 'aborted'))).toEqual(
      [],
    );
    expect(await database.db.select().from(stops)).toHaveLength(stopCount);
  });
});

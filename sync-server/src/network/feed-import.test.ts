import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedError } from '@kigaligo/gtfs';
import { smallFeed } from '@kigaligo/gtfs/testing';
import { planTrip } from '@kigaligo/planner';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkFeeds, routes, stops } from '../db/schema';
import { openTestDatabase, type TestDatabase, testDatabaseKinds } from '../test-support/test-databases';
import { importFeed } from './feed-import';
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
    const again = await importFeed(database.db, smallFeed(), 'again');
    expect(again.imported).toBe(false);
    expect(await database.db.select().from(networkFeeds)).toHaveLength(1);
  });

  it('stores how many shapes a feed has, and refuses a trip naming an unknown shape, changing nothing', async () => {
    const files = smallFeed();
    files['trips.txt'] = 'route_id,service_id,trip_id,shape_id\nR1,WD,T1,SH1\nR1,WD,T2,SH1\n';
    files['shapes.txt'] =
      'shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence\nSH1,-1.9401,30.0401,1\nSH1,-1.95,30.06,2\nSH1,-1.96,30.08,3\n';
    const withShapes = await importFeed(database.db, files, 'with-shapes');
    expect(withShapes).toMatchObject({ imported: true, shapes: 1, trips: 2 });
    const [row] = await database.db.select().from(networkFeeds).where(eq(networkFeeds.active, true));
    expect(row).toMatchObject({ source: 'with-shapes', shapeCount: 1 });

    files['trips.txt'] = files['trips.txt'].replace('R1,WD,T2,SH1', 'R1,WD,T2,SH9');
    const err = await importFeed(database.db, files, 'unknown-shape').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedError);
    expect((err as FeedError).message).toContain('trips.txt:3: shape_id "SH9" is not in shapes.txt');
    const [still] = await database.db.select().from(networkFeeds).where(eq(networkFeeds.active, true));
    expect(still?.id).toBe(row?.id);

    // Back to the feed without shapes.txt, which the next test expects to be active.
    expect(await importFeed(database.db, smallFeed(), 'again')).toMatchObject({ imported: false, shapes: 0 });
  });

  it('refuses a malformed feed naming file and line, and changes nothing', async () => {
    const files = smallFeed();
    files['stop_times.txt'] = files['stop_times.txt']!.replace(
      'T1,08:20:00,08:20:00,S3,3',
      'T1,8h20,08:20:00,NOPE,3',
    );
    delete files['agency.txt'];
    const err = await importFeed(database.db, files, 'bad').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FeedError);
    const message = (err as FeedError).message;
    expect(message).toMatch(/agency\.txt: required file is missing/);
    expect(message).toMatch(/stop_times\.txt:\d+/);
    expect(await database.db.select().from(networkFeeds)).toHaveLength(2);
    expect(await database.db.select().from(stops)).toHaveLength(4);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FeedError } from '@kigaligo/gtfs';
import { smallFeed } from '@kigaligo/gtfs/testing';
import { planTrip } from '@kigaligo/planner';
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
    expect(await database.db.select().from(networkFeeds)).toHaveLength(1);
    expect(await database.db.select().from(stops)).toHaveLength(4);
  });
});

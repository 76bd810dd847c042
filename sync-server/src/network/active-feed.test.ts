import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { berlinFeed, smallFeed } from '@kigaligo/gtfs/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkFeeds } from '../db/schema';
import { startServer } from '../server';
import { createTestDatabaseUrl, testDatabaseKinds } from '../test-support/test-databases';
import type { NetworkInfo } from './network-service';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../../..');

function writeFeed(dir: string, files: Record<string, string>): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe.each(testDatabaseKinds)('the active feed is the one last imported, across restarts (%s)', (kind) => {
  let work: string;
  let where: { dataDir: string; databaseUrl?: string };
  let drop = async () => {};
  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'kigaligo-active-feed-'));
    if (kind === 'postgres') {
      const created = await createTestDatabaseUrl();
      where = { dataDir: join(work, 'unused'), databaseUrl: created.url };
      drop = created.drop;
    } else {
      where = { dataDir: join(work, 'data') };
    }
  });
  afterAll(async () => {
    await drop();
    rmSync(work, { recursive: true, force: true });
  });

  const boot = (gtfsPath?: string) =>
    startServer({ ...where, port: 0, host: '127.0.0.1', seed: false, logLevel: 'silent', gtfsPath });
  const health = async (url: string) =>
    (
      (await (await fetch(`${url}/api/health`)).json()) as {
        network: { version: string | null; hash: string };
      }
    ).network;

  it('first start activates the shipped feed; `pnpm gtfs:import` replaces it and a restart keeps it', {
    timeout: 300_000,
  }, async () => {
    const first = await boot();
    expect((await health(first.url)).version).toBe('kigaligo-2026.1');
    const { etag: shippedTag } = first.deps.network.bundle();
    await first.close();

    const berlin = writeFeed(join(work, 'berlin'), berlinFeed());
    const env = {
      ...process.env,
      DATA_DIR: where.dataDir,
      DATABASE_URL: where.databaseUrl ?? '',
      SEED_DEMO_DATA: 'false',
    };
    const cli = await run(
      join(root, 'node_modules/.bin/tsx'),
      ['sync-server/src/cli/gtfs-import.ts', berlin],
      {
        cwd: root,
        env,
      },
    );
    expect(cli.stdout).toMatch(/Imported 2 stops, 2 routes, 8 trips/);

    const second = await boot();
    try {
      const body = (await (await fetch(`${second.url}/api/network`)).json()) as { network: NetworkInfo };
      const info = body.network;
      expect(info).toMatchObject({ version: 'berlin-1', timezone: 'Europe/Berlin' });
      // Service area from the feed's stops (52.5–52.545 N, 13.4 E) plus 10 km.
      expect(info.serviceArea.minLat).toBeCloseTo(52.5 - 10_000 / 111_320, 4);
      expect(info.serviceArea.maxLat).toBeCloseTo(52.545 + 10_000 / 111_320, 4);
      expect(info.serviceArea.minLon).toBeLessThan(13.4 - 0.1);
      // The phone's copy of the shipped bundle is stale now: its ETag no longer matches.
      const res = await fetch(`${second.url}/api/network/bundle`, {
        headers: { 'If-None-Match': shippedTag },
      });
      expect(res.status).toBe(200);
      expect(JSON.parse(await res.text())).toMatchObject({ version: 2, timezone: 'Europe/Berlin' });
      const again = await fetch(`${second.url}/api/network/bundle`, {
        headers: { 'If-None-Match': res.headers.get('etag')! },
      });
      expect(again.status).toBe(304);
    } finally {
      await second.close();
    }
  });

  it('GTFS_PATH re-imports only when its content changed', { timeout: 300_000 }, async () => {
    const dir = writeFeed(join(work, 'small'), smallFeed());
    const a = await boot(dir);
    const feedA = a.deps.network.info();
    const rowsA = await a.deps.database.db.select().from(networkFeeds);
    await a.close();
    expect(feedA.version).toBeNull();

    // Same content: the same feed row, not imported again.
    const b = await boot(dir);
    expect(b.deps.network.info()).toEqual(feedA);
    expect(await b.deps.database.db.select().from(networkFeeds)).toHaveLength(rowsA.length);
    await b.close();

    // Changed content: a new import, now active.
    const files = smallFeed();
    files['feed_info.txt'] =
      'feed_publisher_name,feed_publisher_url,feed_lang,feed_version\nTest,https://example.rw,en,small-2\n';
    writeFeed(dir, files);
    const c = await boot(dir);
    try {
      const feedC = c.deps.network.info();
      expect(feedC.feedId).not.toBe(feedA.feedId);
      expect(feedC.version).toBe('small-2');
      expect((await health(c.url)).hash).toBe(feedC.hash);
      const rows = await c.deps.database.db.select().from(networkFeeds);
      expect(rows.filter((r) => r.active).map((r) => r.id)).toEqual([feedC.feedId]);
    } finally {
      await c.close();
    }
  });
});

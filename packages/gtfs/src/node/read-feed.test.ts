import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseFeedStream } from '../parse-feed-stream';
import { smallFeed } from '../test-feed';
import { openFeedSource, readFeed } from './read-feed';

describe('readFeed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gtfs-'));

  it('reads a folder', () => {
    const folder = join(dir, 'feed');
    mkdirSync(folder);
    for (const [name, text] of Object.entries(smallFeed())) writeFileSync(join(folder, name), text);
    expect(readFeed(folder).trips).toHaveLength(2);
  });

  it('reads a zip, also with the files in a sub-folder', () => {
    const entries = Object.fromEntries(
      Object.entries(smallFeed()).map(([n, t]) => [`gtfs/${n}`, strToU8(t)]),
    );
    const zip = join(dir, 'feed.zip');
    writeFileSync(zip, zipSync(entries));
    expect(readFeed(zip).stops).toHaveLength(4);
  });

  it('streams a zip (entries in a sub-folder) and a folder through parseFeedStream, each file once', async () => {
    for (const path of [join(dir, 'feed.zip'), join(dir, 'feed')]) {
      const source = await openFeedSource(path);
      const files: string[] = [];
      try {
        const feed = await parseFeedStream(source, (p) => p.done && files.push(p.file));
        expect(feed.stops).toHaveLength(4);
        expect(feed.trips).toHaveLength(2);
      } finally {
        source.close();
      }
      expect(files.sort()).toEqual(Object.keys(smallFeed()).sort());
    }
  });

  const shipped = join(import.meta.dirname, '../../../../public/network/kigali-gtfs');

  it('the shipped Kigali feed is what scripts/build-kigali-feed.mjs generates (no hand edits)', () => {
    const out = join(dir, 'kigali');
    const script = join(import.meta.dirname, '../../../../scripts/build-kigali-feed.mjs');
    execFileSync(process.execPath, [script, '--out', out], { stdio: 'pipe' });
    for (const name of readdirSync(out)) {
      expect(readFileSync(join(shipped, name), 'utf8'), name).toBe(readFileSync(join(out, name), 'utf8'));
    }
  });

  it('reads the shipped Kigali feed', () => {
    const feed = readFeed(shipped);
    expect(feed.routes.length).toBeGreaterThanOrEqual(60);
    expect(feed.stops.filter((s) => s.locationType === 1).map((s) => s.name)).toContain('Nyabugogo Bus Park');
    // Every trip follows a road shape (scripts/kigali-feed/shapes.mjs), one per route direction.
    const used = new Set(feed.trips.map((t) => t.shapeId));
    expect(used.has(undefined)).toBe(false);
    expect(feed.shapes.map((s) => s.id).sort()).toEqual([...used].sort());
    expect(feed.shapes.length).toBeGreaterThan(100);
    expect(Math.min(...feed.shapes.map((s) => s.points.length))).toBeGreaterThan(20);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFeed } from '@kigaligo/gtfs/node';
import { describe, expect, it } from 'vitest';
import { buildBundle, loadBundle } from './bundle';
import { buildNetwork } from './network';
import { planTrip } from './plan';
import { PLACES } from './testing/kigali';
import { type Timetable, timetableFromFeed } from './timetable';

const feed = readFeed(join(import.meta.dirname, '../../../public/network/kigali-gtfs'));

describe('network bundle', () => {
  const bundle = buildBundle(feed);

  it('the committed public/network/kigali.bundle.json is up to date (pnpm --filter @kigaligo/planner build:bundle)', () => {
    // Compared as data, so the test does not depend on how the JSON is written.
    const committed = readFileSync(
      join(import.meta.dirname, '../../../public/network/kigali.bundle.json'),
      'utf8',
    );
    expect(JSON.parse(committed)).toEqual(JSON.parse(bundle));
  });

  it('is compact, and carries a simplified road shape for every trip template', () => {
    expect(bundle.length).toBeLessThan(250_000);
    const tt = JSON.parse(bundle) as Timetable;
    expect(tt.templates.every((t) => t.shape !== undefined)).toBe(true);
    const points = tt.shapes!.reduce((n, s) => n + s.length / 2, 0);
    const feedPoints = feed.shapes.reduce((n, s) => n + s.points.length, 0);
    expect(points).toBeLessThan(feedPoints / 2);
  });

  it('plans the same itineraries as the network built from the feed', () => {
    const fromFeed = buildNetwork(timetableFromFeed(feed));
    const fromBundle = loadBundle(bundle);
    expect(fromBundle.patterns.length).toBe(fromFeed.patterns.length);
    const req = { from: PLACES.nyabugogo, to: PLACES.kimironko, departAt: '2026-11-24T17:30:00+02:00' };
    expect(planTrip(fromBundle, req)).toEqual(planTrip(fromFeed, req));
  });

  it('refuses something that is not a bundle', () => {
    expect(() => loadBundle('{"version":1}')).toThrow(/version 2/);
    expect(() => loadBundle('{"version":2,"stops":[]}')).toThrow(/"routes" is missing/);
  });
});

import { createHash } from 'node:crypto';
import { parseFeed } from '@kigaligo/gtfs';
import { buildBundle } from '@kigaligo/planner';
import { eq, ne } from 'drizzle-orm';
import type { Db } from '../db/client';
import { networkFeeds, routes, stops } from '../db/schema';

export interface ImportResult {
  feedId: string;
  /** False when this exact feed was already imported (it is made active again if it was not). */
  imported: boolean;
  stops: number;
  routes: number;
  trips: number;
  /** shapes.txt polylines (0 when the feed has none). */
  shapes: number;
}

function hashFiles(files: Record<string, string>): string {
  const h = createHash('sha256');
  for (const name of Object.keys(files).sort()) h.update(name).update('\0').update(files[name]!).update('\0');
  return h.digest('hex');
}

const CHUNK = 500;

/**
 * Validates a GTFS feed (throws FeedError naming file, line and problem) and makes it the active network:
 * the feed row with its planner bundle, and the stops and routes tables, all in one transaction.
 */
export async function importFeed(
  db: Db,
  files: Record<string, string>,
  source: string,
): Promise<ImportResult> {
  const hash = hashFiles(files);
  const [existing] = await db.select().from(networkFeeds).where(eq(networkFeeds.hash, hash));
  if (existing?.active) {
    return {
      feedId: existing.id,
      imported: false,
      stops: existing.stopCount,
      routes: existing.routeCount,
      trips: existing.tripCount,
      shapes: existing.shapeCount,
    };
  }
  const feed = parseFeed(files);
  const bundle = existing?.bundle ?? buildBundle(feed);
  const agencyName = new Map(feed.agencies.map((a) => [a.id, a.name]));
  const soleAgency = feed.agencies.length === 1 ? feed.agencies[0]!.name : '';
  return db.transaction(async (tx) => {
    const [row] = existing
      ? await tx
          .update(networkFeeds)
          // Re-activated: importedAt is when the feed became active, which GTFS-RT's Last-Modified follows.
          .set({ active: true, importedAt: new Date() })
          .where(eq(networkFeeds.id, existing.id))
          .returning()
      : await tx
          .insert(networkFeeds)
          .values({
            hash,
            source,
            bundle,
            active: true,
            stopCount: feed.stops.length,
            routeCount: feed.routes.length,
            tripCount: feed.trips.length,
            shapeCount: feed.shapes.length,
            feedVersion: feed.feedInfo?.version ?? null,
          })
          .returning();
    await tx.update(networkFeeds).set({ active: false }).where(ne(networkFeeds.id, row!.id));
    await tx.delete(stops);
    await tx.delete(routes);
    for (let i = 0; i < feed.stops.length; i += CHUNK) {
      await tx.insert(stops).values(
        feed.stops.slice(i, i + CHUNK).map((s) => ({
          id: s.id,
          code: s.code ?? null,
          name: s.name,
          lat: s.lat,
          lon: s.lon,
          parentStationId: s.parentStation ?? null,
        })),
      );
    }
    for (let i = 0; i < feed.routes.length; i += CHUNK) {
      await tx.insert(routes).values(
        feed.routes.slice(i, i + CHUNK).map((r) => ({
          id: r.id,
          shortName: r.shortName,
          longName: r.longName,
          operator: (r.agencyId && agencyName.get(r.agencyId)) || soleAgency,
          type: r.type,
          color: r.color ?? null,
        })),
      );
    }
    return {
      feedId: row!.id,
      imported: !existing,
      stops: feed.stops.length,
      routes: feed.routes.length,
      trips: feed.trips.length,
      shapes: feed.shapes.length,
    };
  });
}

import { createHash } from 'node:crypto';
import { type FeedSource, type ParseProgress, parseFeedStream } from '@kigaligo/gtfs';
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

/** Where an import is: reading a file (hash, then parse), building the planner bundle, writing rows. */
export type ImportProgress =
  | ({ stage: 'parse' } & ParseProgress)
  | { stage: 'bundle'; done: boolean }
  | { stage: 'write'; table: 'stops' | 'routes'; rows: number; done: boolean };

/**
 * SHA-256 over every file (name, NUL, bytes, NUL, in name order), read in chunks: the same hash the import
 * has always stored, so a feed imported before is still recognised.
 */
async function hashFeed(source: FeedSource): Promise<string> {
  const h = createHash('sha256');
  for (const name of [...source.names].sort()) {
    h.update(name).update('\0');
    for await (const chunk of source.open(name)) h.update(chunk);
    h.update('\0');
  }
  return h.digest('hex');
}

/** Rows per multi-row INSERT: 6 columns × 1,000 stays far below Postgres's 65,535 parameters. */
export const INSERT_BATCH = 1000;

/**
 * Validates a GTFS feed (throws FeedError naming file, line and problem) and makes it the active network:
 * the feed row with its planner bundle, and the stops and routes tables, all in one transaction. The files
 * are read as streams (first for the content hash, which skips an unchanged feed without parsing it, then
 * through the CSV reader), so a large feed is never held as whole-file strings.
 */
export async function importFeed(
  db: Db,
  feedSource: FeedSource,
  source: string,
  onProgress?: (p: ImportProgress) => void,
): Promise<ImportResult> {
  const hash = await hashFeed(feedSource);
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
  const feed = await parseFeedStream(feedSource, (p) => onProgress?.({ stage: 'parse', ...p }));
  onProgress?.({ stage: 'bundle', done: false });
  const bundle = existing?.bundle ?? buildBundle(feed);
  onProgress?.({ stage: 'bundle', done: true });
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
    for (let i = 0; i < feed.stops.length; i += INSERT_BATCH) {
      await tx.insert(stops).values(
        feed.stops.slice(i, i + INSERT_BATCH).map((s) => ({
          id: s.id,
          code: s.code ?? null,
          name: s.name,
          lat: s.lat,
          lon: s.lon,
          parentStationId: s.parentStation ?? null,
        })),
      );
      const rows = Math.min(i + INSERT_BATCH, feed.stops.length);
      onProgress?.({ stage: 'write', table: 'stops', rows, done: rows === feed.stops.length });
    }
    for (let i = 0; i < feed.routes.length; i += INSERT_BATCH) {
      await tx.insert(routes).values(
        feed.routes.slice(i, i + INSERT_BATCH).map((r) => ({
          id: r.id,
          shortName: r.shortName,
          longName: r.longName,
          operator: (r.agencyId && agencyName.get(r.agencyId)) || soleAgency,
          type: r.type,
          color: r.color ?? null,
        })),
      );
      const rows = Math.min(i + INSERT_BATCH, feed.routes.length);
      onProgress?.({ stage: 'write', table: 'routes', rows, done: rows === feed.routes.length });
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

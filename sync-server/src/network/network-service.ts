import { fileURLToPath } from 'node:url';
import type { NetworkInfo, ServiceArea } from '@kigaligo/domain';
import { openFeedSource } from '@kigaligo/gtfs/node';
import { loadBundle, type Network, type Timetable } from '@kigaligo/planner';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { networkFeeds } from '../db/schema';
import { DomainError } from '../domain-error';
import { importFeed } from './feed-import';
import { serviceAreaOf } from './service-area';

/** The shipped Kigali feed, imported when the database has no active feed and GTFS_PATH is not set. */
export const defaultGtfsPath = fileURLToPath(new URL('../../../public/network/kigali-gtfs', import.meta.url));

/** What clients may know of the active feed (GET /api/network, /api/health): the domain's `networkInfo`. */
export type { NetworkInfo };

interface Active {
  network: Network;
  bundle: string;
  info: NetworkInfo;
}

const unavailable = () =>
  new DomainError('unavailable', 'network_unavailable', 'No transit network is loaded yet');

/**
 * The network the server plans on: the active feed in the database, i.e. the one last imported. Also where
 * the service area comes from (the feed's stops plus a margin, unless SERVICE_AREA fixes it), which plans,
 * bookings and GPS checks all use.
 */
export class NetworkService {
  private active: Active | null = null;

  constructor(private readonly fixedArea?: ServiceArea) {}

  get(): Network {
    if (!this.active) throw unavailable();
    return this.active.network;
  }

  get feedId(): string | null {
    return this.active?.info.feedId ?? null;
  }

  info(): NetworkInfo {
    if (!this.active) throw unavailable();
    return this.active.info;
  }

  /** The planner bundle the apps download for offline planning, as stored (its ETag is the feed hash). */
  bundle(): { text: string; etag: string } {
    if (!this.active) throw unavailable();
    return { text: this.active.bundle, etag: `"${this.active.info.hash}"` };
  }

  serviceArea(): ServiceArea {
    if (this.fixedArea) return this.fixedArea;
    if (!this.active) throw unavailable();
    return this.active.info.serviceArea;
  }

  /**
   * On start. With GTFS_PATH: import it unless its content is the active feed already (hash compare), then
   * load it. Without: load the active feed — whatever `pnpm gtfs:import` or an earlier GTFS_PATH made active —
   * and only if there is none yet, the shipped feed. A malformed feed stops the start with the FeedError's
   * file/line/problem list.
   */
  async start(db: Db, gtfsPath?: string): Promise<void> {
    if (gtfsPath) return this.loadFromPath(db, gtfsPath);
    if (await this.loadActive(db)) return;
    await this.loadFromPath(db, defaultGtfsPath);
  }

  async loadFromPath(db: Db, gtfsPath: string): Promise<void> {
    const feedSource = await openFeedSource(gtfsPath);
    try {
      const result = await importFeed(db, feedSource, gtfsPath);
      await this.loadActive(db, result.feedId);
    } finally {
      feedSource.close();
    }
  }

  /** Loads the active feed (or the given one); false when there is none. */
  async loadActive(db: Db, feedId?: string): Promise<boolean> {
    const [row] = await db
      .select()
      .from(networkFeeds)
      .where(feedId ? eq(networkFeeds.id, feedId) : eq(networkFeeds.active, true));
    if (!row) return false;
    const timetable = JSON.parse(row.bundle) as Timetable;
    this.active = {
      network: loadBundle(timetable),
      bundle: row.bundle,
      info: {
        feedId: row.id,
        version: row.feedVersion,
        hash: row.hash,
        timezone: timetable.timezone,
        serviceArea: this.fixedArea ?? serviceAreaOf(timetable),
        importedAt: row.importedAt.toISOString(),
      },
    };
    return true;
  }
}

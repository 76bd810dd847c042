import { fileURLToPath } from 'node:url';
import { readFeedFiles } from '@kigaligo/gtfs/node';
import { loadBundle, type Network } from '@kigaligo/planner';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { networkFeeds } from '../db/schema';
import { HttpError } from '../http/errors';
import { importFeed } from './feed-import';

/** The shipped Kigali feed, used when GTFS_PATH is not set. */
export const defaultGtfsPath = fileURLToPath(new URL('../../../public/network/kigali-gtfs', import.meta.url));

/** The network the server plans on; replaced when a new feed is imported. */
export class NetworkService {
  private network: Network | null = null;
  feedId: string | null = null;

  set(network: Network, feedId: string): void {
    this.network = network;
    this.feedId = feedId;
  }

  get(): Network {
    if (!this.network) throw new HttpError(503, 'network_unavailable', 'No transit network is loaded yet');
    return this.network;
  }

  /**
   * On start: imports the feed at gtfsPath (a no-op when it is the active feed already) and loads it.
   * A malformed feed stops the start with the FeedError's file/line/problem list.
   */
  async loadFromPath(db: Db, gtfsPath: string): Promise<void> {
    const result = await importFeed(db, readFeedFiles(gtfsPath), gtfsPath);
    await this.loadActive(db, result.feedId);
  }

  async loadActive(db: Db, feedId?: string): Promise<void> {
    const [row] = await db
      .select({ id: networkFeeds.id, bundle: networkFeeds.bundle })
      .from(networkFeeds)
      .where(feedId ? eq(networkFeeds.id, feedId) : eq(networkFeeds.active, true));
    if (row) this.set(loadBundle(row.bundle), row.id);
  }
}

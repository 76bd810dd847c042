// `pnpm gtfs:import <folder|zip>`: validates a GTFS feed and makes it the active network in the database
// (DATABASE_URL, or the embedded database under DATA_DIR). The running server picks it up on restart.

import { resolve } from 'node:path';
import { FeedError } from '@kigaligo/gtfs';
import { readFeedFiles } from '@kigaligo/gtfs/node';
import { configFromEnv } from '../config';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { importFeed } from '../network/feed-import';

const path = process.argv[2];
if (!path) {
  console.error('Usage: pnpm gtfs:import <gtfs-folder|feed.zip>');
  process.exit(2);
}
const config = configFromEnv();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir! });
try {
  await runMigrations(database);
  const r = await importFeed(database.db, readFeedFiles(resolve(path)), resolve(path));
  console.log(
    `${r.imported ? 'Imported' : 'Already imported; now active:'} ${r.stops} stops, ${r.routes} routes, ${r.trips} trips, ${r.shapes} shapes`,
  );
} catch (err) {
  console.error(err instanceof FeedError ? err.message : err);
  process.exitCode = 1;
} finally {
  await database.close();
}

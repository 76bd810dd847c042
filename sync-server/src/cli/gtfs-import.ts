// `pnpm gtfs:import <folder|zip>`: validates a GTFS feed and makes it the active network in the database
// (DATABASE_URL, or the embedded database under DATA_DIR). The running server picks it up on restart.
// Files are read as streams; progress (file, rows, rows/s) goes to stderr, the result to stdout.

import { resolve } from 'node:path';
import { FeedError } from '@kigaligo/gtfs';
import { openFeedSource } from '@kigaligo/gtfs/node';
import { configFromEnv } from '../config';
import { openDatabase } from '../db/client';
import { runMigrations } from '../db/migrate';
import { type ImportProgress, importFeed } from '../network/feed-import';

const path = process.argv[2];
if (!path) {
  console.error('Usage: pnpm gtfs:import <gtfs-folder|feed.zip>');
  process.exit(2);
}

const started = performance.now();
let fileStarted = started;
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
function progress(p: ImportProgress): void {
  if (p.stage === 'parse') {
    const seconds = (performance.now() - fileStarted) / 1000;
    const rate = seconds > 0 ? Math.round(p.rows / seconds) : 0;
    const mib = (p.bytes / 2 ** 20).toFixed(1);
    console.error(
      `${elapsed()}  ${p.file}: ${p.rows.toLocaleString('en')} rows, ${mib} MiB${p.done ? ', done' : ''} (${rate.toLocaleString('en')} rows/s)`,
    );
    if (p.done) fileStarted = performance.now();
  } else if (p.stage === 'bundle') {
    console.error(`${elapsed()}  planner bundle ${p.done ? 'built' : 'building…'}`);
  } else if (p.done) {
    console.error(`${elapsed()}  ${p.table}: ${p.rows.toLocaleString('en')} rows written`);
  }
}

const config = configFromEnv();
const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir! });
const feedSource = await openFeedSource(resolve(path));
try {
  await runMigrations(database);
  const r = await importFeed(database.db, feedSource, resolve(path), progress);
  console.log(
    `${r.imported ? 'Imported' : 'Already imported; now active:'} ${r.stops} stops, ${r.routes} routes, ${r.trips} trips, ${r.shapes} shapes (${elapsed()})`,
  );
} catch (err) {
  console.error(err instanceof FeedError ? err.message : err);
  process.exitCode = 1;
} finally {
  feedSource.close();
  await database.close();
}

// `pnpm gtfs:import <folder|zip>`: validates a GTFS feed and makes it the active network in the database
// (DATABASE_URL, or the embedded database under DATA_DIR). The running server picks it up on restart.
// Files are read as streams; progress (file, rows, rows/s; the first file's rate includes the hash pass over
// the whole feed) goes to stderr, the result to stdout.

import { resolve } from 'node:path';
import { FeedError } from '@kigaligo/gtfs';
import { type OpenFeedSource, openFeedSource } from '@kigaligo/gtfs/node';
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
let feedSource: OpenFeedSource | undefined;
try {
  feedSource = await openFeedSource(resolve(path));
  await runMigrations(database);
  fileStarted = performance.now();
  const r = await importFeed(database.db, feedSource, resolve(path), progress);
  console.log(
    `${r.imported ? 'Imported' : 'Already imported; now active:'} ${r.stops} stops, ${r.routes} routes, ${r.trips} trips, ${r.shapes} shapes (${elapsed()})`,
  );
} catch (err) {
  const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
  console.error(
    err instanceof FeedError ? err.message : missing ? `No such folder or file: ${resolve(path)}` : err,
  );
  process.exitCode = 1;
} finally {
  feedSource?.close();
  await database.close();
}

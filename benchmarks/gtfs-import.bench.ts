// `pnpm bench gtfs-import`: a synthetic large feed (~20,000 trips, ~500,000 stop_times; benchmarks/lib/
// large-feed.ts, seeded) imported by the streaming importer on PGlite (on disk) and on Postgres
// (BENCH_DATABASE_URL, skipped when unreachable), against the baseline in the same run: the whole-file-strings
// path the importer had before (every file read into one string, then parsed). Prints time per stage, rows/s
// and heap, then the planner's memory for the feed (heap and RSS growth of loading its bundle, after full
// GCs). Target: an import under a minute on each database. See docs/benchmarks.md.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseFeed } from '@kigaligo/gtfs';
import { openFeedSource, readFeedFiles } from '@kigaligo/gtfs/node';
import { buildBundle, loadBundle, type Timetable } from '@kigaligo/planner';
import {
  type Database,
  eq,
  type ImportProgress,
  importFeed,
  networkFeeds,
  openDatabase,
  runMigrations,
} from '@kigaligo/sync-server/bench';
import { freshDatabase, postgresReachable } from './lib/databases';
import { writeLargeFeed } from './lib/large-feed';
import { fmt, table, verdict } from './lib/stats';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const fullGc = () => {
  for (let i = 0; i < 3; i++) gc();
};
const mib = (n: number) => `${fmt(n / 2 ** 20)} MiB`;
const secs = (ms: number) => `${fmt(ms / 1000, 2)} s`;

const work = mkdtempSync(join(tmpdir(), 'kigaligo-gtfs-bench-'));
const feedDir = join(work, 'feed');
mkdirSync(feedDir);
let t0 = performance.now();
const counts = await writeLargeFeed(feedDir);
console.log(
  `Feed: ${counts.trips.toLocaleString('en')} trips, ${counts.stopTimes.toLocaleString('en')} stop_times (generated in ${secs(performance.now() - t0)})\n`,
);
const rows: string[][] = [
  ['import', 'read+parse', 'bundle', 'write', 'total', 'stop_times/s', 'heap after parse'],
];

// Baseline: the previous path — whole files as strings, parsed and bundled (no database).
fullGc();
t0 = performance.now();
const parsedAt = { at: 0, heap: 0 };
buildBundle(
  (() => {
    const feed = parseFeed(readFeedFiles(feedDir));
    parsedAt.at = performance.now();
    parsedAt.heap = process.memoryUsage().heapUsed;
    return feed;
  })(),
);
const baselineEnd = performance.now();
rows.push([
  'whole-file strings, no database (before)',
  secs(parsedAt.at - t0),
  secs(baselineEnd - parsedAt.at),
  '-',
  secs(baselineEnd - t0),
  fmt(counts.stopTimes / ((parsedAt.at - t0) / 1000), 0),
  mib(parsedAt.heap),
]);

let bundleText = '';
/** One streamed import, timed per stage from its progress reports; keeps the stored bundle for later. */
async function timedImport(name: string, database: Database): Promise<number> {
  await runMigrations(database);
  fullGc();
  const source = await openFeedSource(feedDir);
  const start = performance.now();
  let parsed = start;
  let bundled = start;
  let heap = 0;
  const progress = (p: ImportProgress) => {
    if (p.stage === 'bundle' && !p.done) {
      parsed = performance.now();
      heap = process.memoryUsage().heapUsed;
    }
    if (p.stage === 'bundle' && p.done) bundled = performance.now();
  };
  try {
    await importFeed(database.db, source, feedDir, progress);
  } finally {
    source.close();
  }
  const end = performance.now();
  const [row] = await database.db.select().from(networkFeeds).where(eq(networkFeeds.active, true));
  bundleText = row!.bundle;
  rows.push([
    name,
    secs(parsed - start),
    secs(bundled - parsed),
    secs(end - bundled),
    secs(end - start),
    fmt(counts.stopTimes / ((parsed - start) / 1000), 0),
    mib(heap),
  ]);
  return end - start;
}

const totals: [string, number][] = [];
const pglite = await openDatabase({ dataDir: join(work, 'pglite') });
try {
  totals.push(['PGlite', await timedImport('streamed, PGlite (on disk)', pglite)]);
} finally {
  await pglite.close();
}
if (await postgresReachable()) {
  const fresh = await freshDatabase('kigaligo_gtfs_bench');
  const postgres = await openDatabase({ databaseUrl: fresh.url, dataDir: 'unused' });
  try {
    totals.push(['Postgres', await timedImport('streamed, Postgres', postgres)]);
  } finally {
    await postgres.close();
    await fresh.drop();
  }
} else {
  console.log('Postgres not reachable (BENCH_DATABASE_URL): its row is left out.\n');
}
console.log(table(rows));
for (const [name, ms] of totals)
  console.log(`\nTarget (import under 60 s on ${name}): ${verdict(ms < 60_000)}`);

// The planner's memory for this feed: what the server holds once the feed is active (the bundle text it serves
// to the apps, and the network built from it), as heap and RSS growth after full GCs.
fullGc();
const before = process.memoryUsage();
const held = { text: `${bundleText}`, network: loadBundle(JSON.parse(bundleText) as Timetable) };
fullGc();
const after = process.memoryUsage();
console.log(
  `\nPlanner memory for the feed: bundle ${mib(Buffer.byteLength(held.text))} of JSON; loading it grew the heap by ${mib(after.heapUsed - before.heapUsed)} and RSS by ${mib(after.rss - before.rss)} (${held.network.patterns.length.toLocaleString('en')} patterns)`,
);
rmSync(work, { recursive: true, force: true });

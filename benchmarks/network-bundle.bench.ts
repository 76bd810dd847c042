// `pnpm bench network-bundle`: bytes of the offline network bundle (what the apps download and keep for
// offline planning) built from the shipped Kigali feed without shapes.txt — the bundle before road shapes —
// and with its shapes simplified at several tolerances, the one shipped marked. Raw JSON, gzip -9 (what the
// API's on-the-fly compression and the .gz files give at most) and brotli 11 (the precompressed .br the
// static server prefers). Sizes only: nothing here depends on the machine. See docs/benchmarks.md.
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { parseFeed } from '@kigaligo/gtfs';
import { readFeedFiles } from '@kigaligo/gtfs/node';
import { buildBundle, SHAPE_TOLERANCE_METRES, type Timetable } from '@kigaligo/planner';
import { table } from './lib/stats';

const files = readFeedFiles(fileURLToPath(new URL('../public/network/kigali-gtfs', import.meta.url)));
// The same feed without shapes.txt and the trips' shape_id (its last column): the bundle as it was before.
const { 'shapes.txt': _, ...before } = files;
before['trips.txt'] = files['trips.txt']!.replace(/,[^,\n]*$/gm, '');

const feed = parseFeed(files);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const sizes = (json: string) => {
  const b = Buffer.from(json);
  const gz = gzipSync(b, { level: 9 }).length;
  const br = brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  return [b.length, gz, br];
};
const rows: string[][] = [['bundle', 'shape points', 'raw', 'gzip -9', 'brotli 11']];
const row = (name: string, json: string) => {
  const points = ((JSON.parse(json) as Timetable).shapes ?? []).reduce((n, s) => n + s.length / 2, 0);
  rows.push([name, String(points), ...sizes(json).map(kb)]);
};

row('without shapes (before)', buildBundle(parseFeed(before)));
for (const tol of [1, 2, SHAPE_TOLERANCE_METRES, 6, 10]) {
  row(`shapes at ${tol} m${tol === SHAPE_TOLERANCE_METRES ? ' (shipped)' : ''}`, buildBundle(feed, tol));
}
const points = feed.shapes.reduce((n, s) => n + s.points.length, 0);
console.log(`shapes.txt: ${feed.shapes.length} shapes, ${points} points\n`);
console.log(table(rows));

// Builds the offline network bundle the apps ship: reads and validates the Kigali GTFS feed, converts it to
// the planner's timetable and writes public/network/kigali.bundle.json, reporting its size.
//   pnpm --filter @kigaligo/planner build:bundle [-- --feed DIR_OR_ZIP --out FILE]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFeed } from '@kigaligo/gtfs/node';
import { buildBundle, loadBundle } from '../src/index';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? resolve(process.argv[i + 1]!) : fallback;
};
const feedPath = arg('--feed', join(root, 'public/network/kigali-gtfs'));
const out = arg('--out', join(root, 'public/network/kigali.bundle.json'));

const bundle = buildBundle(readFeed(feedPath));
// Loading it back proves the apps can use it.
const net = loadBundle(bundle);
// Written as built, without formatting (Biome skips this file): the precache and the Cache API keep it
// uncompressed, and indentation would add a third to it.
writeFileSync(out, bundle);
const written = readFileSync(out);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const trips = net.patterns.reduce((s, p) => s + p.tripCount, 0);
console.log(`${out}: ${kb(written.length)} (${kb(gzipSync(written).length)} gzipped)`);
console.log(
  `  ${net.stopCount} stops, ${net.timetable.routes.length} routes, ${net.patterns.length} patterns, ${trips} trips expanded`,
);

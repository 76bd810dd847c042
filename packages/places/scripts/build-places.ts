// Builds the shipped place data: every stop and bus park of the GTFS feed (stops with one name on both sides
// of a road merged into one place), the 35 sectors and the landmarks, into public/network/kigali.places.json.
//   pnpm --filter @kigaligo/places build:places
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANDMARKS, loadPlaces, normalize, type Place, type PlacesFile, SECTORS } from '../src/index';
import { mergeStops, type StopRow } from './merge-stops';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const out = join(root, 'public/network/kigali.places.json');
const text = readFileSync(join(root, 'public/network/kigali-gtfs/stops.txt'), 'utf8');

// The feed's stops.txt has no quoted fields (checked here), so a plain split is a correct CSV parse.
if (text.includes('"')) throw new Error('stops.txt has quoted fields: parse it with @kigaligo/gtfs instead');
const [header, ...lines] = text.trim().split(/\r?\n/);
const cols = (header ?? '').split(',');
const rows: StopRow[] = lines.map((line) => {
  const cells = line.split(',');
  const get = (c: string) => cells[cols.indexOf(c)] ?? '';
  return {
    id: get('stop_id'),
    name: get('stop_name'),
    lat: Number(get('stop_lat')),
    lon: Number(get('stop_lon')),
    station: get('location_type') === '1',
    parent: get('parent_station'),
  };
});

const stations: Place[] = rows
  .filter((r) => r.station)
  .map((r) => {
    // "Nyabugogo Bus Park" → gare ya Nyabugogo: riders say "gare" for a bus park.
    const place = r.name.replace(/\s*\(.*\)|\s*Bus (Park|Terminal)$/gi, '').trim();
    const children = rows.filter((c) => c.parent === r.id);
    const altNames = [place, `Gare ya ${place}`, `${place} bus park`, `${place} bus terminal`];
    if (place === 'Downtown') altNames.push('Gare yo mu Mujyi', 'Gare ya mu Mujyi');
    return {
      id: r.id,
      name: r.name.replace(/\s*\(mu Mujyi\)/, ''),
      altNames: [...new Set([...altNames, ...children.map((c) => c.name)])].filter(
        (n) => normalize(n) !== normalize(r.name),
      ),
      kind: 'station' as const,
      lat: r.lat,
      lon: r.lon,
      stopIds: children.map((c) => c.id),
    };
  });
// Stops of a bus park are found through the park; the rest are merged by name.
const stops = mergeStops(rows.filter((r) => !r.station && !r.parent));

const file: PlacesFile = { version: 1, places: [...stations, ...LANDMARKS, ...SECTORS, ...stops] };
loadPlaces(JSON.stringify(file)); // proves the apps can load it
writeFileSync(out, JSON.stringify(file));
const biome = join(root, 'node_modules/.bin/biome');
if (existsSync(biome)) execFileSync(biome, ['format', '--write', out], { stdio: 'ignore' });
console.log(`${out}: ${file.places.length} places (${stations.length} bus parks, ${stops.length} stops)`);

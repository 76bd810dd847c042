// A synthetic GTFS feed the size of a large city's (`pnpm bench gtfs-import`): deterministic for a seed, and
// shaped like a real one — stops on a street grid around Kigali, routes as walks through neighbouring stops in
// both directions, weekday and weekend services, headways by time of day, a shape per route direction.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { seededRandom } from '@kigaligo/planner';

export interface LargeFeedSize {
  stops: number;
  routes: number;
  /** Trips per route and direction. */
  tripsPerDirection: number;
  stopsPerTrip: number;
}

/** ~20,000 trips and ~500,000 stop_times: 200 routes × 2 directions × 50 trips × 25 stops. */
export const LARGE_FEED: LargeFeedSize = {
  stops: 4000,
  routes: 200,
  tripsPerDirection: 50,
  stopsPerTrip: 25,
};

const hms = (s: number) =>
  [s / 3600, (s / 60) % 60, s % 60].map((x) => String(Math.floor(x)).padStart(2, '0')).join(':');

const peak = (seconds: number) => {
  const hour = seconds / 3600;
  return (hour >= 6.5 && hour < 9) || (hour >= 16.5 && hour < 19);
};

/** Writes line by line (the generator never holds a file either); resolves when flushed. */
async function writeLines(path: string, header: string, rows: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${header}\n`);
  for (const row of rows) {
    if (!out.write(`${row}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Generates the feed into `dir` (which must exist); returns its counts. */
export async function writeLargeFeed(
  dir: string,
  size = LARGE_FEED,
  seed = 14,
): Promise<{ trips: number; stopTimes: number }> {
  const random = seededRandom(seed);
  const side = Math.ceil(Math.sqrt(size.stops));
  const stopAt = (i: number) => ({
    // About 250 m between grid neighbours, jittered so stops are not on a perfect lattice.
    lat: -1.95 + (Math.floor(i / side) - side / 2) * 0.00225 + (random() - 0.5) * 0.0008,
    lon: 30.06 + ((i % side) - side / 2) * 0.00225 + (random() - 0.5) * 0.0008,
  });
  const stops = Array.from({ length: size.stops }, (_, i) => stopAt(i));
  const neighbours = (i: number) =>
    [i - 1, i + 1, i - side, i + side].filter(
      (n) => n >= 0 && n < size.stops && Math.abs((n % side) - (i % side)) <= 1,
    );
  // Each route walks the grid without revisiting a stop (restarting if it gets stuck).
  const patterns: number[][] = [];
  while (patterns.length < size.routes) {
    const walk = [Math.floor(random() * size.stops)];
    while (walk.length < size.stopsPerTrip) {
      const next = neighbours(walk.at(-1)!).filter((n) => !walk.includes(n));
      if (next.length === 0) break;
      walk.push(next[Math.floor(random() * next.length)]!);
    }
    if (walk.length === size.stopsPerTrip) patterns.push(walk);
  }
  await writeLines(join(dir, 'agency.txt'), 'agency_id,agency_name,agency_url,agency_timezone,agency_lang', [
    'BIG,Large Feed Transit,https://example.rw,Africa/Kigali,en',
  ]);
  await writeLines(
    join(dir, 'feed_info.txt'),
    'feed_publisher_name,feed_publisher_url,feed_lang,feed_version',
    [`KigaliGo bench,https://example.rw,en,large-${seed}`],
  );
  await writeLines(
    join(dir, 'stops.txt'),
    'stop_id,stop_code,stop_name,stop_lat,stop_lon',
    stops.map(
      (s, i) =>
        `S${i},${10_000 + i},"Stop ${i}, grid ${Math.floor(i / side)}/${i % side}",${s.lat.toFixed(6)},${s.lon.toFixed(6)}`,
    ),
  );
  await writeLines(
    join(dir, 'routes.txt'),
    'route_id,agency_id,route_short_name,route_long_name,route_type,route_color',
    patterns.map(
      (_, r) =>
        `R${r},BIG,${100 + r},Line ${100 + r},3,${((r * 2654435761) >>> 8).toString(16).padStart(6, '0').slice(0, 6)}`,
    ),
  );
  await writeLines(
    join(dir, 'calendar.txt'),
    'service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date',
    ['WD,1,1,1,1,1,0,0,20260101,20271231', 'WE,0,0,0,0,0,1,1,20260101,20271231'],
  );
  await writeLines(join(dir, 'calendar_dates.txt'), 'service_id,date,exception_type', [
    'WD,20260701,2',
    'WE,20260701,1',
  ]);
  const directions = patterns.flatMap((p, r) =>
    [0, 1].map((d) => ({ r, d, stops: d === 0 ? p : [...p].reverse() })),
  );
  await writeLines(
    join(dir, 'shapes.txt'),
    'shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence',
    directions.flatMap(({ r, d, stops: seq }) =>
      seq.map((s, k) => `SH${r}_${d},${stops[s]!.lat.toFixed(6)},${stops[s]!.lon.toFixed(6)},${k + 1}`),
    ),
  );
  // Trips from 05:00, closer together at the peaks; three of four on weekdays.
  // Each trip has its own traffic (seconds added per stop), as real schedules differ trip by trip.
  const trips: { id: string; r: number; d: number; start: number; seq: number[]; traffic: number }[] = [];
  for (const { r, d, stops: seq } of directions) {
    let start = 5 * 3600 + Math.floor(random() * 600);
    for (let t = 0; t < size.tripsPerDirection; t++) {
      trips.push({
        id: `T${r}_${d}_${t}`,
        r,
        d,
        start,
        seq,
        traffic: Math.floor(random() * (peak(start) ? 40 : 15)),
      });
      start += (peak(start) ? 10 : 20) * 60;
    }
  }
  await writeLines(
    join(dir, 'trips.txt'),
    'route_id,service_id,trip_id,trip_headsign,direction_id,shape_id',
    trips.map(
      (t, i) => `R${t.r},${i % 4 === 3 ? 'WE' : 'WD'},${t.id},Stop ${t.seq.at(-1)},${t.d},SH${t.r}_${t.d}`,
    ),
  );
  function* stopTimes() {
    for (const t of trips) {
      let time = t.start;
      for (let k = 0; k < t.seq.length; k++) {
        // Every fourth stop is not a timepoint: empty times, interpolated by the importer.
        const timed = k === 0 || k === t.seq.length - 1 || k % 4 !== 2;
        const at = timed ? hms(time) : '';
        yield `${t.id},${at},${at},S${t.seq[k]},${k + 1}`;
        time += 60 + ((k * 37 + t.r) % 60) + t.traffic;
      }
    }
  }
  await writeLines(
    join(dir, 'stop_times.txt'),
    'trip_id,arrival_time,departure_time,stop_id,stop_sequence',
    stopTimes(),
  );
  return { trips: trips.length, stopTimes: trips.length * size.stopsPerTrip };
}

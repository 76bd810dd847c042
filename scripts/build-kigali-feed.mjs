#!/usr/bin/env node
// Builds the Kigali GTFS feed shipped in public/network/kigali-gtfs/ from the reference copy in
// data/kigali-reference/ (RURA / enRouteQ, via trufi-association/HackathonKigali; see its PROVENANCE.md).
// Every derived or assumed value is listed in public/network/kigali-gtfs/README.md; keep the two in step.
// Deterministic: the same input gives byte-identical output, so a diff of the feed is a real change.
//   node scripts/build-kigali-feed.mjs [--out DIR]
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { holidaysOf, lastSaturdays } from './kigali-feed/calendar.mjs';
import { headwayClass, serviceWindows } from './kigali-feed/headways.mjs';
import { groupShapes, matchShapes, shapeRows } from './kigali-feed/shapes.mjs';
import { buildStations } from './kigali-feed/stations.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ref = join(root, 'data/kigali-reference');
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'public/network/kigali-gtfs');

/** The reference files hold no quoted fields (checked when they were copied), so a split is enough here. */
function readCsv(path) {
  const [head, ...lines] = readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter(Boolean);
  const cols = head.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [cols[i], v.trim()])));
}
function csvField(v) {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}
function writeCsv(name, cols, rows) {
  const body = rows.map((r) => cols.map((c) => csvField(r[c])).join(',')).join('\n');
  writeFileSync(join(out, name), `${cols.join(',')}\n${body}\n`);
  console.log(`${name.padEnd(20)} ${rows.length} rows`);
}
const toSecs = (t) => t.split(':').reduce((acc, x) => acc * 60 + Number(x), 0);
const toTime = (s) =>
  [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');

const FIRST_DEPARTURE = 5 * 3600; // 05:00, the only official daily span found (KIGALI.md)
const YEARS = [2026, 2027];

const tpl = (f) => readCsv(join(ref, 'gtfs-2024-07-templates', f));
const nov = (f) => readCsv(join(ref, 'gtfs-2024-11', f));
const tplStopTimes = tpl('stop_times.txt');
const tplTrips = tpl('trips.txt');
// The Nov 2024 feed is newer: prefer its stop names and route names/colours where it has the same id.
const novStops = new Map(nov('stops.txt').map((s) => [s.stop_id, s]));
const novRoutes = new Map(nov('routes.txt').map((r) => [r.route_id, r]));
const novTripsPerRoute = new Map();
const novShapesOfRoute = new Map();
for (const t of nov('trips.txt')) {
  novTripsPerRoute.set(t.route_id, (novTripsPerRoute.get(t.route_id) ?? 0) + 1);
  if (t.shape_id)
    novShapesOfRoute.set(t.route_id, (novShapesOfRoute.get(t.route_id) ?? new Set()).add(t.shape_id));
}

// ---- stops: only those a template trip serves, plus parent stations for the big terminals
const usedStopIds = new Set(tplStopTimes.map((st) => st.stop_id));
const stops = tpl('stops.txt')
  .filter((s) => usedStopIds.has(s.stop_id))
  .map((s) => {
    const n = novStops.get(s.stop_id) ?? s;
    return {
      stop_id: s.stop_id,
      stop_name: n.stop_name,
      stop_desc: n.stop_desc,
      stop_lat: n.stop_lat,
      stop_lon: n.stop_lon,
    };
  })
  .sort((a, b) => a.stop_id.localeCompare(b.stop_id));
const { stations, childToStation } = buildStations(stops);
for (const s of stops) {
  s.location_type = 0;
  s.parent_station = childToStation.get(s.stop_id) ?? '';
}
const allStops = [...stations.map((st) => ({ ...st, location_type: 1, parent_station: '' })), ...stops];

// ---- routes, trips, stop_times, frequencies
const stopName = new Map(allStops.map((s) => [s.stop_id, s.stop_name]));
const byTrip = new Map();
for (const st of tplStopTimes) {
  if (!byTrip.has(st.trip_id)) byTrip.set(st.trip_id, []);
  byTrip.get(st.trip_id).push(st);
}
const routes = [];
const trips = [];
const stopTimes = [];
const frequencies = [];
const directionSeen = new Map();
const stopById = new Map(allStops.map((s) => [s.stop_id, s]));
const directions = [];
for (const t of tplTrips) {
  // Template trips carry no direction_id: the first listed per route is direction 0 (as in route_lengths.tsv).
  const direction = directionSeen.get(t.route_id) ?? 0;
  directionSeen.set(t.route_id, direction + 1);
  const n = novRoutes.get(t.route_id);
  const tr = tpl('routes.txt').find((r) => r.route_id === t.route_id);
  const longName = (n ?? tr).route_long_name.replace(/\s*-\s*/g, '–').replace(/\s+/g, ' ');
  if (direction === 0) {
    const cls = headwayClass(longName, novTripsPerRoute.get(t.route_id) ?? 0);
    routes.push({
      route_id: t.route_id,
      agency_id: 'RURA',
      route_short_name: t.route_id,
      route_long_name: longName,
      route_desc: `Zone ${['I', 'II', 'III', 'IV'][Number(t.route_id[0]) - 1]}; ${cls} route`,
      route_type: 3,
      route_color: (n ?? tr).route_color.toUpperCase(),
      route_text_color: (n ?? tr).route_text_color.toUpperCase(),
      _class: cls,
    });
  }
  const cls = routes.find((r) => r.route_id === t.route_id)._class;
  const sts = byTrip.get(t.trip_id).sort((a, b) => Number(a.stop_sequence) - Number(b.stop_sequence));
  const headsign = stopName.get(sts.at(-1).stop_id);
  const directionKey = `${t.route_id}-${direction}`;
  directions.push({
    key: directionKey,
    routeId: t.route_id,
    stops: sts.map((st) => {
      const s = stopById.get(st.stop_id);
      return { lat: Number(s.stop_lat), lon: Number(s.stop_lon) };
    }),
  });
  for (const service of ['WD', 'WE', 'UMUGANDA']) {
    const tripId = `${t.route_id}-${direction}-${service}`;
    trips.push({
      route_id: t.route_id,
      service_id: service,
      trip_id: tripId,
      trip_headsign: headsign,
      direction_id: direction,
      _direction: directionKey,
    });
    sts.forEach((st, i) => {
      const time = toTime(FIRST_DEPARTURE + toSecs(st.arrival_time));
      stopTimes.push({
        trip_id: tripId,
        arrival_time: time,
        departure_time: time,
        stop_id: st.stop_id,
        stop_sequence: i + 1,
        shape_dist_traveled: Math.round(Number(st.shape_dist_traveled)),
        timepoint: 0, // template run times, not a published timetable
      });
    });
    for (const w of serviceWindows(service, cls)) {
      frequencies.push({
        trip_id: tripId,
        start_time: toTime(w.start),
        end_time: toTime(w.end),
        headway_secs: w.headway,
        exact_times: 0,
      });
    }
  }
}

// ---- shapes: the Nov 2024 polyline each route direction's stops lie along (kigali-feed/shapes.mjs)
const novShapes = groupShapes(nov('shapes.txt'));
const shapeOf = matchShapes(directions, novShapes, novShapesOfRoute);
for (const trip of trips) trip.shape_id = shapeOf.get(trip._direction);
const shapes = shapeRows([...shapeOf.values()], novShapes);

// ---- calendars: weekday / weekend service, holidays run the weekend service, Umuganda mornings have none
const calendar = [
  { service_id: 'WD', monday: 1, tuesday: 1, wednesday: 1, thursday: 1, friday: 1, saturday: 0, sunday: 0 },
  { service_id: 'WE', monday: 0, tuesday: 0, wednesday: 0, thursday: 0, friday: 0, saturday: 1, sunday: 1 },
  {
    service_id: 'UMUGANDA',
    monday: 0,
    tuesday: 0,
    wednesday: 0,
    thursday: 0,
    friday: 0,
    saturday: 0,
    sunday: 0,
  },
].map((c) => ({ ...c, start_date: `${YEARS[0]}0101`, end_date: `${YEARS.at(-1)}1231` }));
const calendarDates = [];
for (const year of YEARS) {
  for (const h of holidaysOf(year)) {
    if (h.weekday >= 1 && h.weekday <= 5) {
      calendarDates.push({ service_id: 'WD', date: h.date, exception_type: 2, _note: h.name });
      calendarDates.push({ service_id: 'WE', date: h.date, exception_type: 1, _note: h.name });
    }
  }
  for (const date of lastSaturdays(year)) {
    calendarDates.push({ service_id: 'WE', date, exception_type: 2 });
    calendarDates.push({ service_id: 'UMUGANDA', date, exception_type: 1 });
  }
}
calendarDates.sort((a, b) => a.date.localeCompare(b.date) || a.service_id.localeCompare(b.service_id));

// ---- transfers: a minimum time to change buses inside a bus park (stations), none needed elsewhere
const transfers = [];
for (const st of stations) {
  const kids = stops.filter((s) => s.parent_station === st.stop_id).map((s) => s.stop_id);
  for (const from of kids) {
    for (const to of kids) {
      transfers.push({
        from_stop_id: from,
        to_stop_id: to,
        transfer_type: 2,
        min_transfer_time: from === to ? st._sameStop : st._between,
      });
    }
  }
}

mkdirSync(out, { recursive: true });
writeCsv(
  'agency.txt',
  ['agency_id', 'agency_name', 'agency_url', 'agency_timezone', 'agency_lang'],
  [
    {
      agency_id: 'RURA',
      agency_name: 'Kigali city buses (RURA-regulated operators)',
      agency_url: 'https://rura.rw',
      agency_timezone: 'Africa/Kigali',
      agency_lang: 'rw',
    },
  ],
);
writeCsv(
  'stops.txt',
  ['stop_id', 'stop_name', 'stop_desc', 'stop_lat', 'stop_lon', 'location_type', 'parent_station'],
  allStops,
);
writeCsv(
  'routes.txt',
  [
    'route_id',
    'agency_id',
    'route_short_name',
    'route_long_name',
    'route_desc',
    'route_type',
    'route_color',
    'route_text_color',
  ],
  routes,
);
writeCsv(
  'trips.txt',
  ['route_id', 'service_id', 'trip_id', 'trip_headsign', 'direction_id', 'shape_id'],
  trips,
);
writeCsv('shapes.txt', ['shape_id', 'shape_pt_lat', 'shape_pt_lon', 'shape_pt_sequence'], shapes);
// shapes.txt is copied from a GPL-3.0 repository (data/kigali-reference/PROVENANCE.md): its licence goes with it.
copyFileSync(join(ref, 'LICENSE-GPL-3.0.txt'), join(out, 'LICENSE-GPL-3.0'));
writeCsv(
  'stop_times.txt',
  [
    'trip_id',
    'arrival_time',
    'departure_time',
    'stop_id',
    'stop_sequence',
    'shape_dist_traveled',
    'timepoint',
  ],
  stopTimes,
);
writeCsv(
  'frequencies.txt',
  ['trip_id', 'start_time', 'end_time', 'headway_secs', 'exact_times'],
  frequencies,
);
writeCsv(
  'calendar.txt',
  [
    'service_id',
    'monday',
    'tuesday',
    'wednesday',
    'thursday',
    'friday',
    'saturday',
    'sunday',
    'start_date',
    'end_date',
  ],
  calendar,
);
writeCsv('calendar_dates.txt', ['service_id', 'date', 'exception_type'], calendarDates);
writeCsv('transfers.txt', ['from_stop_id', 'to_stop_id', 'transfer_type', 'min_transfer_time'], transfers);
writeCsv(
  'feed_info.txt',
  [
    'feed_publisher_name',
    'feed_publisher_url',
    'feed_lang',
    'feed_start_date',
    'feed_end_date',
    'feed_version',
  ],
  [
    {
      feed_publisher_name: 'KigaliGo (derived from the RURA / enRouteQ feed)',
      feed_publisher_url: 'https://rura.rw',
      feed_lang: 'en',
      feed_start_date: calendar[0].start_date,
      feed_end_date: calendar[0].end_date,
      feed_version: `kigaligo-${YEARS[0]}.1`,
    },
  ],
);

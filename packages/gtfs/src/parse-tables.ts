import { type Row, TableRows } from './reader';
import type {
  Agency,
  Calendar,
  CalendarDate,
  FeedInfo,
  FeedIssue,
  Frequency,
  Route,
  ShapePoint,
  Stop,
  StopTime,
  Transfer,
  Trip,
} from './types';

/** A parsed entity with the file line it came from, kept until the cross-file checks are done. */
export interface Lined<T> {
  v: T;
  line: number;
}

/** How one GTFS file is read: its required columns and how a row becomes an entity. */
export interface TableSpec<T> {
  file: string;
  cols: string[];
  build: (r: Row) => T;
}
const table = <T>(file: string, cols: string[], build: (r: Row) => T): TableSpec<T> => ({
  file,
  cols,
  build,
});

const agencyTable = table<Agency>('agency.txt', ['agency_name', 'agency_url', 'agency_timezone'], (r) => ({
  // agency_id may be omitted when the feed has a single agency.
  id: r.opt('agency_id') ?? '',
  name: r.str('agency_name'),
  url: r.str('agency_url'),
  timezone: timeZone(r),
  lang: r.opt('agency_lang'),
}));

/** agency_timezone must be an IANA zone the platform knows: every schedule time is read in it. */
function timeZone(r: Row): string {
  const tz = r.str('agency_timezone');
  if (!tz) return tz;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    r.fail(`agency_timezone "${tz}" is not a known IANA time zone`);
  }
  return tz;
}

const stopTable = table<Stop>('stops.txt', ['stop_id'], (r) => {
  const locationType = (r.num('location_type', { int: true, min: 0, max: 4 }) ?? 0) as Stop['locationType'];
  // Name and position are optional only for generic nodes (3) and boarding areas (4).
  const needsPlace = locationType <= 2;
  const lat = r.num('stop_lat', { required: needsPlace, min: -90, max: 90 }) ?? 0;
  const lon = r.num('stop_lon', { required: needsPlace, min: -180, max: 180 }) ?? 0;
  return {
    id: r.str('stop_id'),
    code: r.opt('stop_code'),
    name: needsPlace ? r.str('stop_name') : (r.opt('stop_name') ?? ''),
    desc: r.opt('stop_desc'),
    lat,
    lon,
    locationType,
    parentStation: r.opt('parent_station'),
  };
});

const routeTable = table<Route>('routes.txt', ['route_id', 'route_type'], (r) => {
  const shortName = r.opt('route_short_name') ?? '';
  const longName = r.opt('route_long_name') ?? '';
  if (!shortName && !longName) r.fail('route_short_name or route_long_name is required');
  return {
    id: r.str('route_id'),
    agencyId: r.opt('agency_id'),
    shortName,
    longName,
    desc: r.opt('route_desc'),
    type: r.num('route_type', { required: true, int: true, min: 0 }) ?? 3,
    color: r.opt('route_color'),
    textColor: r.opt('route_text_color'),
  };
});

const tripTable = table<Trip>('trips.txt', ['route_id', 'service_id', 'trip_id'], (r) => ({
  id: r.str('trip_id'),
  routeId: r.str('route_id'),
  serviceId: r.str('service_id'),
  headsign: r.opt('trip_headsign'),
  directionId: r.num('direction_id', { int: true, min: 0, max: 1 }) as 0 | 1 | undefined,
  shapeId: r.opt('shape_id'),
}));

/** One shapes.txt row; rows are grouped into shapes (and their order checked) by `buildShapes`. */
export interface RawShapePoint extends ShapePoint {
  shapeId: string;
}
const shapeTable = table<RawShapePoint>(
  'shapes.txt',
  ['shape_id', 'shape_pt_lat', 'shape_pt_lon', 'shape_pt_sequence'],
  (r) => ({
    shapeId: r.str('shape_id'),
    lat: r.num('shape_pt_lat', { required: true, min: -90, max: 90 }) ?? 0,
    lon: r.num('shape_pt_lon', { required: true, min: -180, max: 180 }) ?? 0,
    sequence: r.num('shape_pt_sequence', { required: true, int: true, min: 0 }) ?? 0,
    distTraveled: r.num('shape_dist_traveled', { min: 0 }),
  }),
);

/** Raw stop_times: arrival/departure may be empty on non-timepoint stops and are filled in later. */
export interface RawStopTime extends Omit<StopTime, 'arrival' | 'departure'> {
  arrival?: number;
  departure?: number;
}
const stopTimeTable = table<RawStopTime>('stop_times.txt', ['trip_id', 'stop_id', 'stop_sequence'], (r) => {
  const arrival = r.time('arrival_time');
  const departure = r.time('departure_time');
  if (arrival !== undefined && departure !== undefined && departure < arrival) {
    r.fail('departure_time is before arrival_time');
  }
  return {
    tripId: r.str('trip_id'),
    stopId: r.str('stop_id'),
    sequence: r.num('stop_sequence', { required: true, int: true, min: 0 }) ?? 0,
    // A stop with only one of the two times uses it for both, as the spec allows.
    arrival: arrival ?? departure,
    departure: departure ?? arrival,
    distTraveled: r.num('shape_dist_traveled', { min: 0 }),
  };
});

const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const calendarTable = table<Calendar>(
  'calendar.txt',
  ['service_id', ...DAYS, 'start_date', 'end_date'],
  (r) => {
    const c: Calendar = {
      serviceId: r.str('service_id'),
      days: DAYS.map(
        (d) => r.num(d, { required: true, int: true, min: 0, max: 1 }) === 1,
      ) as Calendar['days'],
      startDate: r.date('start_date'),
      endDate: r.date('end_date'),
    };
    if (r.ok && c.endDate < c.startDate) r.fail('end_date is before start_date');
    return c;
  },
);

const calendarDateTable = table<CalendarDate>(
  'calendar_dates.txt',
  ['service_id', 'date', 'exception_type'],
  (r) => ({
    serviceId: r.str('service_id'),
    date: r.date('date'),
    exceptionType: (r.num('exception_type', { required: true, int: true, min: 1, max: 2 }) ?? 1) as 1 | 2,
  }),
);

const frequencyTable = table<Frequency>(
  'frequencies.txt',
  ['trip_id', 'start_time', 'end_time', 'headway_secs'],
  (r) => {
    const start = r.time('start_time', true) ?? 0;
    const end = r.time('end_time', true) ?? 0;
    if (r.ok && end <= start) r.fail('end_time is not after start_time');
    return {
      tripId: r.str('trip_id'),
      start,
      end,
      headwaySecs: r.num('headway_secs', { required: true, int: true, min: 1 }) ?? 1,
      exactTimes: r.num('exact_times', { int: true, min: 0, max: 1 }) === 1,
    };
  },
);

const transferTable = table<Transfer>(
  'transfers.txt',
  ['from_stop_id', 'to_stop_id', 'transfer_type'],
  (r) => {
    const type = (r.num('transfer_type', { required: true, int: true, min: 0, max: 5 }) ??
      0) as Transfer['type'];
    const minTransferTime = r.num('min_transfer_time', { int: true, min: 0 });
    // Type 2 means "needs a minimum time": without the time the row says nothing usable.
    if (type === 2 && minTransferTime === undefined)
      r.fail('min_transfer_time is required when transfer_type is 2');
    // Stop ids are conditionally required by the spec (types 4/5 link trips); we route by stops, so need them
    // for 0–3.
    const needsStops = type <= 3;
    return {
      fromStopId: needsStops ? r.str('from_stop_id') : (r.opt('from_stop_id') ?? ''),
      toStopId: needsStops ? r.str('to_stop_id') : (r.opt('to_stop_id') ?? ''),
      fromRouteId: r.opt('from_route_id'),
      toRouteId: r.opt('to_route_id'),
      fromTripId: r.opt('from_trip_id'),
      toTripId: r.opt('to_trip_id'),
      type,
      minTransferTime,
    };
  },
);

const feedInfoTable = table<FeedInfo>(
  'feed_info.txt',
  ['feed_publisher_name', 'feed_publisher_url', 'feed_lang'],
  (r) => ({
    publisherName: r.str('feed_publisher_name'),
    publisherUrl: r.str('feed_publisher_url'),
    lang: r.str('feed_lang'),
    startDate: r.opt('feed_start_date') === undefined ? undefined : r.date('feed_start_date'),
    endDate: r.opt('feed_end_date') === undefined ? undefined : r.date('feed_end_date'),
    version: r.opt('feed_version'),
  }),
);

/** Every file the parser reads, by the name of its table. */
export const TABLES = {
  agencies: agencyTable,
  stops: stopTable,
  routes: routeTable,
  trips: tripTable,
  stopTimes: stopTimeTable,
  calendars: calendarTable,
  calendarDates: calendarDateTable,
  frequencies: frequencyTable,
  transfers: transferTable,
  shapes: shapeTable,
  feedInfo: feedInfoTable,
};

type EntityOf<S> = S extends TableSpec<infer T> ? T : never;
/** The parsed tables: each entity with its line, kept until the cross-file checks are done. */
export type ParsedTables = { [K in keyof typeof TABLES]: Lined<EntityOf<(typeof TABLES)[K]>>[] };

/**
 * Empty tables and, per GTFS file name, the reader that fills them from that file's CSV records. A file
 * never read leaves its table empty (absent files are checked by the caller).
 */
export function tableReaders(issues: FeedIssue[]): { tables: ParsedTables; readers: Map<string, TableRows> } {
  const tables = {} as Record<string, Lined<unknown>[]>;
  const readers = new Map<string, TableRows>();
  for (const [key, spec] of Object.entries(TABLES) as [string, TableSpec<unknown>][]) {
    const list: Lined<unknown>[] = [];
    tables[key] = list;
    readers.set(
      spec.file,
      new TableRows(spec.file, spec.cols, issues, (r) => {
        const v = spec.build(r);
        if (r.ok) list.push({ v, line: r.line });
      }),
    );
  }
  return { tables: tables as ParsedTables, readers };
}

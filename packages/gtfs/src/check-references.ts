import type { Lined, RawShapePoint, RawStopTime } from './parse-tables';
import type {
  Agency,
  Calendar,
  CalendarDate,
  FeedIssue,
  Frequency,
  Route,
  Stop,
  Transfer,
  Trip,
} from './types';

interface Tables {
  agencies: Lined<Agency>[];
  stops: Lined<Stop>[];
  routes: Lined<Route>[];
  trips: Lined<Trip>[];
  stopTimes: Lined<RawStopTime>[];
  calendars: Lined<Calendar>[];
  calendarDates: Lined<CalendarDate>[];
  frequencies: Lined<Frequency>[];
  transfers: Lined<Transfer>[];
  shapes: Lined<RawShapePoint>[];
}

/** Index by id, reporting duplicates (a second row with the same id would silently shadow the first). */
function index<T>(file: string, list: Lined<T>[], id: (t: T) => string, issues: FeedIssue[]): Map<string, T> {
  const out = new Map<string, T>();
  for (const { v, line } of list) {
    const k = id(v);
    if (out.has(k)) issues.push({ file, line, message: `duplicate id "${k}"` });
    else out.set(k, v);
  }
  return out;
}

/** Cross-file checks: every id a row refers to exists and is of the right kind. */
export function checkReferences(t: Tables, issues: FeedIssue[]): void {
  const fail = (file: string, line: number, message: string) => issues.push({ file, line, message });
  const agencies = index('agency.txt', t.agencies, (a) => a.id, issues);
  const stops = index('stops.txt', t.stops, (s) => s.id, issues);
  const routes = index('routes.txt', t.routes, (r) => r.id, issues);
  const trips = index('trips.txt', t.trips, (x) => x.id, issues);
  index('calendar.txt', t.calendars, (c) => c.serviceId, issues);
  const services = new Set([
    ...t.calendars.map((c) => c.v.serviceId),
    ...t.calendarDates.map((c) => c.v.serviceId),
  ]);

  for (const { v: s, line } of t.stops) {
    const parent = s.parentStation === undefined ? undefined : stops.get(s.parentStation);
    if (s.locationType === 1 && s.parentStation)
      fail('stops.txt', line, `station ${s.id} cannot have a parent_station`);
    else if (s.locationType >= 2 && !s.parentStation)
      fail('stops.txt', line, `parent_station is required for location_type ${s.locationType}`);
    else if (s.parentStation && !parent)
      fail('stops.txt', line, `parent_station "${s.parentStation}" is not a stop in stops.txt`);
    else if (parent && s.locationType !== 4 && parent.locationType !== 1) {
      fail('stops.txt', line, `parent_station "${s.parentStation}" is not a station (location_type 1)`);
    }
  }
  for (const { v: r, line } of t.routes) {
    if (r.agencyId !== undefined && !agencies.has(r.agencyId))
      fail('routes.txt', line, `agency_id "${r.agencyId}" is not in agency.txt`);
    if (r.agencyId === undefined && agencies.size > 1)
      fail('routes.txt', line, 'agency_id is required when the feed has several agencies');
  }
  const shapes = new Set(t.shapes.map((p) => p.v.shapeId));
  for (const { v: x, line } of t.trips) {
    if (x.shapeId !== undefined && !shapes.has(x.shapeId))
      fail('trips.txt', line, `shape_id "${x.shapeId}" is not in shapes.txt`);
    if (!routes.has(x.routeId)) fail('trips.txt', line, `route_id "${x.routeId}" is not in routes.txt`);
    if (!services.has(x.serviceId))
      fail('trips.txt', line, `service_id "${x.serviceId}" is not in calendar.txt or calendar_dates.txt`);
  }
  const tripsWithTimes = new Set(t.stopTimes.map((s) => s.v.tripId));
  for (const { v: x, line } of t.trips) {
    if (!tripsWithTimes.has(x.id)) fail('trips.txt', line, `trip ${x.id} has no stop_times`);
  }
  for (const { v: st, line } of t.stopTimes) {
    const stop = stops.get(st.stopId);
    if (!trips.has(st.tripId)) fail('stop_times.txt', line, `trip_id "${st.tripId}" is not in trips.txt`);
    if (!stop) fail('stop_times.txt', line, `stop_id "${st.stopId}" is not in stops.txt`);
    else if (stop.locationType !== 0 && stop.locationType !== 4) {
      fail(
        'stop_times.txt',
        line,
        `stop_id "${st.stopId}" is a station or entrance, not a stop (location_type ${stop.locationType})`,
      );
    }
  }
  for (const { v: f, line } of t.frequencies) {
    if (!trips.has(f.tripId)) fail('frequencies.txt', line, `trip_id "${f.tripId}" is not in trips.txt`);
  }
  for (const { v: tr, line } of t.transfers) {
    for (const id of [tr.fromStopId, tr.toStopId]) {
      if (id && !stops.has(id)) fail('transfers.txt', line, `stop "${id}" is not in stops.txt`);
    }
    for (const id of [tr.fromRouteId, tr.toRouteId]) {
      if (id !== undefined && !routes.has(id))
        fail('transfers.txt', line, `route "${id}" is not in routes.txt`);
    }
    for (const id of [tr.fromTripId, tr.toTripId]) {
      if (id !== undefined && !trips.has(id)) fail('transfers.txt', line, `trip "${id}" is not in trips.txt`);
    }
  }
}

import type { Feed } from '@kigaligo/gtfs';
import { haversine } from './geo';
import { encodeShape, SHAPE_TOLERANCE_METRES } from './shape-line';

/**
 * The planner's compact, self-contained view of a feed: boardable stops, routes, service calendars, trip
 * templates (a stop sequence with run-time offsets) and the departures of each template, either listed or as
 * frequency windows. It is small (frequencies stay unexpanded) and plain JSON, so it doubles as the network
 * bundle shipped to the apps; `buildNetwork` expands it for searching.
 */
export interface Timetable {
  version: 2;
  /** The feed's agency_timezone (IANA): service days and times are read in it. */
  timezone: string;
  /** feed_info.txt feed_version, when the feed gives one. */
  feedVersion?: string;
  stops: { id: string; name: string; lat: number; lon: number; station?: string }[];
  /** type: GTFS route_type (basic or extended), which gives the leg's mode. */
  routes: {
    id: string;
    shortName: string;
    longName: string;
    type: number;
    color?: string;
    textColor?: string;
  }[];
  /** days: bit 0 Monday … bit 6 Sunday; added/removed: calendar_dates exceptions. */
  services: { id: string; days: number; start: string; end: string; added: string[]; removed: string[] }[];
  /** Offsets in seconds from the departure at the first stop; dist in metres from the first stop. */
  templates: {
    route: number;
    headsign: string;
    /** trips.txt direction_id, when given. */
    direction?: 0 | 1;
    stops: number[];
    arr: number[];
    dep: number[];
    dist: number[];
    /** Index into `shapes`: the road its trips follow (trips.txt shape_id), when the feed has it. */
    shape?: number;
  }[];
  /**
   * shapes.txt lines the templates use, simplified and delta-encoded (shape-line.ts). Absent in bundles of
   * feeds without shapes (and in bundles built before shapes were carried): legs are then drawn stop to stop.
   */
  shapes?: number[][];
  /** [template, service, departure at the first stop (s)] for trips without frequencies. */
  departures: [number, number, number][];
  /** trip_id of each `departures` row (GTFS-Realtime names trips by it). */
  departureTrips: string[];
  /** [template, service, start, end, headway] (s): a departure every headway from start while before end. */
  frequencies: [number, number, number, number, number][];
  /** trip_id of each `frequencies` row; its departures are told apart by start time. */
  frequencyTrips: string[];
  /** [from stop, to stop, min seconds] from transfers.txt; min -1 means no transfer possible there. */
  transfers: [number, number, number][];
}

/** Converts a validated feed (see @kigaligo/gtfs) into a timetable; shapes simplified to the tolerance (m). */
export function timetableFromFeed(feed: Feed, shapeToleranceMetres = SHAPE_TOLERANCE_METRES): Timetable {
  const boardable = feed.stops.filter((s) => s.locationType === 0);
  const stopIndex = new Map(boardable.map((s, i) => [s.id, i]));
  const stations = new Map(feed.stops.filter((s) => s.locationType === 1).map((s) => [s.id, s.name]));
  const routeIndex = new Map(feed.routes.map((r, i) => [r.id, i]));
  const serviceIds = [
    ...new Set([...feed.calendars.map((c) => c.serviceId), ...feed.calendarDates.map((c) => c.serviceId)]),
  ];
  const serviceIndex = new Map(serviceIds.map((id, i) => [id, i]));

  const services = serviceIds.map((id) => {
    const c = feed.calendars.find((x) => x.serviceId === id);
    const ex = feed.calendarDates.filter((x) => x.serviceId === id);
    return {
      id,
      days: c ? c.days.reduce((bits, on, i) => bits | (on ? 1 << i : 0), 0) : 0,
      start: c?.startDate ?? '00000000',
      end: c?.endDate ?? '00000000',
      added: ex.filter((x) => x.exceptionType === 1).map((x) => x.date),
      removed: ex.filter((x) => x.exceptionType === 2).map((x) => x.date),
    };
  });

  const byTrip = new Map<string, Feed['stopTimes']>();
  for (const st of feed.stopTimes) {
    const list = byTrip.get(st.tripId);
    if (list) list.push(st);
    else byTrip.set(st.tripId, [st]);
  }
  const freqByTrip = new Map<string, Feed['frequencies']>();
  for (const f of feed.frequencies) freqByTrip.set(f.tripId, [...(freqByTrip.get(f.tripId) ?? []), f]);

  const shapeById = new Map(feed.shapes.map((sh) => [sh.id, sh]));
  const shapes: number[][] = [];
  const shapeIndex = new Map<string, number>();
  const shapeOf = (id: string | undefined) => {
    const sh = id === undefined ? undefined : shapeById.get(id);
    if (!sh) return undefined;
    let i = shapeIndex.get(sh.id);
    if (i === undefined) {
      i = shapes.push(encodeShape(sh, shapeToleranceMetres)) - 1;
      shapeIndex.set(sh.id, i);
    }
    return i;
  };
  const templates: Timetable['templates'] = [];
  const templateKey = new Map<string, number>();
  const departures: Timetable['departures'] = [];
  const departureTrips: string[] = [];
  const frequencies: Timetable['frequencies'] = [];
  const frequencyTrips: string[] = [];
  for (const trip of feed.trips) {
    const sts = byTrip.get(trip.id);
    if (!sts || sts.length < 2) continue;
    const t0 = sts[0]!.departure;
    const stops = sts.map((s) => stopIndex.get(s.stopId)!);
    const shape = shapeOf(trip.shapeId);
    const tpl = {
      route: routeIndex.get(trip.routeId)!,
      headsign: trip.headsign ?? boardable[stops.at(-1)!]?.name ?? '',
      ...(trip.directionId === undefined ? {} : { direction: trip.directionId }),
      stops,
      arr: sts.map((s) => s.arrival - t0),
      dep: sts.map((s) => s.departure - t0),
      dist: distances(sts, stops, boardable),
      ...(shape === undefined ? {} : { shape }),
    };
    const key = JSON.stringify(tpl);
    let ti = templateKey.get(key);
    if (ti === undefined) {
      ti = templates.push(tpl) - 1;
      templateKey.set(key, ti);
    }
    const svc = serviceIndex.get(trip.serviceId)!;
    const freqs = freqByTrip.get(trip.id);
    if (freqs) {
      for (const f of freqs) {
        frequencies.push([ti, svc, f.start, f.end, f.headwaySecs]);
        frequencyTrips.push(trip.id);
      }
    } else {
      departures.push([ti, svc, t0]);
      departureTrips.push(trip.id);
    }
  }

  return {
    version: 2,
    // GTFS requires every agency of a feed to share one time zone; the parser checks it.
    timezone: feed.agencies[0]!.timezone,
    ...(feed.feedInfo?.version ? { feedVersion: feed.feedInfo.version } : {}),
    stops: boardable.map((s) => ({
      id: s.id,
      name: s.name,
      lat: s.lat,
      lon: s.lon,
      ...(s.parentStation && stations.has(s.parentStation)
        ? { station: stations.get(s.parentStation)! }
        : {}),
    })),
    routes: feed.routes.map((r) => ({
      id: r.id,
      shortName: r.shortName,
      longName: r.longName,
      type: r.type,
      color: r.color,
      textColor: r.textColor,
    })),
    services,
    templates,
    departures,
    departureTrips,
    frequencies,
    frequencyTrips,
    transfers: transfersOf(feed, stopIndex),
    ...(shapes.length > 0 ? { shapes } : {}),
  };
}

/**
 * Metres from the first stop. shape_dist_traveled has no fixed unit in GTFS, so it is used only when its total
 * is within a plausible factor of the straight-line path (the Kigali feed's is in metres, ~1.1–1.5×);
 * otherwise we fall back to straight lines between stops.
 */
function distances(sts: Feed['stopTimes'], stops: number[], all: Feed['stops']): number[] {
  const straight = [0];
  for (let i = 1; i < stops.length; i++) {
    const a = all[stops[i - 1]!]!;
    const b = all[stops[i]!]!;
    straight.push(straight[i - 1]! + haversine(a.lat, a.lon, b.lat, b.lon));
  }
  const shape = sts.map((s) => s.distTraveled);
  const total = straight.at(-1)!;
  const shapeTotal = (shape.at(-1) ?? 0) - (shape[0] ?? 0);
  const usable = shape.every((d) => d !== undefined) && shapeTotal >= 0.9 * total && shapeTotal <= 3 * total;
  return (usable ? shape.map((d) => d! - shape[0]!) : straight).map((d) => Math.round(d));
}

/** transfers.txt rows between stops (a station id stands for all its platforms). */
function transfersOf(feed: Feed, stopIndex: Map<string, number>): Timetable['transfers'] {
  const children = new Map<string, number[]>();
  for (const s of feed.stops) {
    if (s.parentStation && stopIndex.has(s.id))
      children.set(s.parentStation, [...(children.get(s.parentStation) ?? []), stopIndex.get(s.id)!]);
  }
  const expand = (id: string) => (stopIndex.has(id) ? [stopIndex.get(id)!] : (children.get(id) ?? []));
  const out: Timetable['transfers'] = [];
  for (const t of feed.transfers) {
    // Route- and trip-specific transfers (and in-seat types 4, 5) need trip-level state we don't keep.
    if (t.fromRouteId || t.toRouteId || t.fromTripId || t.toTripId || t.type > 3) continue;
    const secs = t.type === 3 ? -1 : t.type === 2 ? (t.minTransferTime ?? 0) : 0;
    for (const a of expand(t.fromStopId)) for (const b of expand(t.toStopId)) out.push([a, b, secs]);
  }
  return out;
}

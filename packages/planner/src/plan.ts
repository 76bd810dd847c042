// The fares module alone, not the domain barrel (see journey.ts).
import { motoFare } from '@kigaligo/domain/fares';
import { haversine, type LatLon, StopGrid } from './geo';
import type { Itinerary } from './itinerary';
import { type Ends, journeyToItinerary, type Link } from './journey';
import { motoGeometry, walkGeometry } from './leg-geometry';
import { MOTO, motoRide } from './moto';
import type { Network } from './network';
import { raptor } from './raptor';
import { type ServiceTime, serviceTimeIso, serviceTimeToMs, toServiceTime } from './zone-time';

export interface PlanRequest {
  from: LatLon & { name?: string };
  to: LatLon & { name?: string };
  /** Leave at (ISO string or Date). Exactly one of departAt / arriveBy; neither means "now". */
  departAt?: string | Date;
  /** Arrive by (ISO string or Date): the latest departure that still arrives in time. */
  arriveBy?: string | Date;
  /** Offer moto-taxi: a whole ride, and moto to/from the bus when that is much faster. Default true. */
  moto?: boolean;
  /** Longest walk to the first stop or from the last one (m, straight line). */
  maxWalkMeters?: number;
  maxRides?: number;
}

/** Moto is proposed for the first/last km only if the whole journey arrives at least this much earlier. */
const MOTO_GAIN_SECS = 10 * 60;
/** Stops a moto may take the rider to or from (m, straight line). */
const MOTO_ACCESS_METERS = 4000;
/** How far back an arrive-by search looks for a departure. */
const ARRIVE_BY_WINDOW_SECS = 4 * 3600;

/** Plans a trip on the network: bus (with walking), and moto-taxi options, each with its fare. */
export function planTrip(net: Network, req: PlanRequest): Itinerary[] {
  const maxWalk = req.maxWalkMeters ?? 1000;
  const grid = gridOf(net);
  const walkLinks = (p: LatLon) => links(net, grid, p, maxWalk);
  const ends: Ends = { from: req.from, to: req.to, access: walkLinks(req.from), egress: walkLinks(req.to) };
  const motoEnds: Ends | undefined =
    req.moto === false
      ? undefined
      : {
          ...ends,
          access: withMoto(net, grid, req.from, ends.access),
          egress: withMoto(net, grid, req.to, ends.egress),
        };
  const search = (e: Ends, st: ServiceTime, arriveBefore?: number) =>
    busJourneys(net, e, st, req.maxRides ?? 5, arriveBefore);

  const tz = net.timetable.timezone;
  let at: ServiceTime;
  if (req.arriveBy !== undefined) {
    const deadline = toServiceTime(req.arriveBy, tz);
    at = latestDeparture(deadline, serviceTimeToMs(deadline, tz), (st) => bestArrival(search(ends, st)));
  } else {
    at = toServiceTime(req.departAt ?? new Date(), tz);
  }
  const out = search(ends, at);
  if (motoEnds) {
    // Moto to or from the bus: only worth offering when it clearly beats walking to the bus, so the search
    // looks only for journeys that do (the bound prunes most of it: pnpm bench planner).
    const bestBus = bestArrival(out);
    const beat = Number.isFinite(bestBus)
      ? at.secs + Math.floor((bestBus - serviceTimeToMs(at, tz)) / 1000) - MOTO_GAIN_SECS + 1
      : undefined;
    for (const it of search(motoEnds, at, beat)) {
      const usesMoto = it.legs.some((l) => l.mode === 'moto');
      if (usesMoto && Date.parse(it.arriveAt) <= bestBus - MOTO_GAIN_SECS * 1000) out.push(it);
    }
  }
  out.push(...direct(net, req, at));
  const deadlineMs =
    req.arriveBy === undefined
      ? Number.POSITIVE_INFINITY
      : serviceTimeToMs(toServiceTime(req.arriveBy, tz), tz);
  return out
    .filter((it) => Date.parse(it.arriveAt) <= deadlineMs)
    .sort((a, b) => Date.parse(a.arriveAt) - Date.parse(b.arriveAt) || a.fare.amount - b.fare.amount);
}

function busJourneys(
  net: Network,
  ends: Ends,
  at: ServiceTime,
  maxRides: number,
  arriveBefore?: number,
): Itinerary[] {
  const res = raptor(net, {
    date: at.date,
    departSecs: at.secs,
    access: [...ends.access.values()],
    egress: [...ends.egress.values()],
    maxRides,
    ...(arriveBefore === undefined ? {} : { arriveBefore }),
  });
  return res.arrivals.map((a) => journeyToItinerary(net, res, a, ends));
}

const bestArrival = (its: Itinerary[]) => Math.min(...its.map((i) => Date.parse(i.arriveAt)));

/**
 * Arrive-by by bisection on the departure time: the earliest arrival never decreases when leaving later, so
 * the latest departure (to the minute) that still arrives by the deadline is found in ~8 forward searches.
 * Simpler than a reverse RAPTOR, and exact to the minute.
 */
function latestDeparture(
  deadline: ServiceTime,
  limit: number,
  arrivalMs: (st: ServiceTime) => number,
): ServiceTime {
  let lo = Math.floor((deadline.secs - ARRIVE_BY_WINDOW_SECS) / 60);
  let hi = Math.floor(deadline.secs / 60);
  if (arrivalMs({ date: deadline.date, secs: lo * 60 }) > limit)
    return { date: deadline.date, secs: lo * 60 };
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (arrivalMs({ date: deadline.date, secs: mid * 60 }) <= limit) lo = mid;
    else hi = mid - 1;
  }
  return { date: deadline.date, secs: lo * 60 };
}

/** Walking all the way (when short enough) and a whole moto ride. */
function direct(net: Network, req: PlanRequest, at: ServiceTime): Itinerary[] {
  const out: Itinerary[] = [];
  const straight = haversine(req.from.lat, req.from.lon, req.to.lat, req.to.lon);
  const from = { name: req.from.name ?? 'Start', lat: req.from.lat, lon: req.from.lon };
  const to = { name: req.to.name ?? 'Destination', lat: req.to.lat, lon: req.to.lon };
  const one = (mode: 'walk' | 'moto', meters: number, secs: number, fare: number): Itinerary => {
    // For arrive-by, a direct leg leaves as late as it can.
    const tz = net.timetable.timezone;
    const deadline = req.arriveBy === undefined ? undefined : toServiceTime(req.arriveBy, tz);
    const start = deadline ? deadline.secs - secs : at.secs;
    const date = deadline ? deadline.date : at.date;
    const departAt = serviceTimeIso({ date, secs: start }, tz);
    const arriveAt = serviceTimeIso({ date, secs: start + secs }, tz);
    const drawn = mode === 'moto' ? motoGeometry(net, from, to) : undefined;
    const leg = {
      mode,
      from,
      to,
      departAt,
      arriveAt,
      distanceMeters: meters,
      ...(mode === 'moto' ? { fare: { amount: fare, currency: 'RWF' as const } } : {}),
      geometry: drawn?.geometry ?? walkGeometry(from, to),
      ...(drawn?.approximate ? { approximate: true } : {}),
    };
    return {
      departAt,
      arriveAt,
      transfers: 0,
      walkMeters: mode === 'walk' ? meters : 0,
      legs: [leg],
      fare: { amount: fare, currency: 'RWF' },
    };
  };
  if (straight <= Math.max(2000, req.maxWalkMeters ?? 0)) {
    const meters = Math.round(straight * net.options.detour);
    out.push(one('walk', meters, Math.ceil(meters / net.options.walkSpeed), 0));
  }
  if (req.moto !== false && straight > 0 && straight * net.options.detour <= MOTO.maxMeters) {
    const ride = motoRide(req.from, req.to, net.options.detour);
    out.push(one('moto', ride.meters, ride.secs, motoFare(ride.meters)));
  }
  return out;
}

const grids = new WeakMap<Network, StopGrid>();
function gridOf(net: Network): StopGrid {
  let g = grids.get(net);
  if (!g) {
    g = new StopGrid(net.lat, net.lon, 500);
    grids.set(net, g);
  }
  return g;
}

/** Stops within `radius` (straight line) of a point, with the walk to each. */
export function walkLinks(net: Network, p: LatLon, radius: number): Map<number, Link> {
  return links(net, gridOf(net), p, radius);
}

function links(net: Network, grid: StopGrid, p: LatLon, radius: number): Map<number, Link> {
  const out = new Map<number, Link>();
  for (const { index, meters } of grid.within(p.lat, p.lon, radius)) {
    const m = Math.round(meters * net.options.detour);
    out.set(index, { stop: index, secs: Math.ceil(m / net.options.walkSpeed), meters: m, mode: 'walk' });
  }
  return out;
}

/** Walking links, plus moto links to stops further away (or nearer, when the moto is faster than walking). */
function withMoto(net: Network, grid: StopGrid, p: LatLon, walk: Map<number, Link>): Map<number, Link> {
  const out = new Map(walk);
  for (const { index } of grid.within(p.lat, p.lon, MOTO_ACCESS_METERS)) {
    const ride = motoRide(p, { lat: net.lat[index]!, lon: net.lon[index]! }, net.options.detour);
    const w = walk.get(index);
    if (!w || ride.secs < w.secs)
      out.set(index, { stop: index, secs: ride.secs, meters: ride.meters, mode: 'moto' });
  }
  return out;
}

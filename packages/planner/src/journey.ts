// The fares module alone, not the domain barrel: the barrel builds every zod schema as it loads, which the
// planner worker (packages/planner is side-effect free, so the worker keeps only what it calls) must not carry.
import { busFare, motoFare } from '@kigaligo/domain/fares';
import { haversine, type LatLon } from './geo';
import type { Itinerary, Leg, LegMode, LegPoint } from './itinerary';
import { motoGeometry, transitGeometry, walkGeometry } from './leg-geometry';
import type { Network } from './network';
import { FROM_ORIGIN, FROM_VEHICLE, FROM_WALK, type RaptorResult } from './raptor';
import { modeOfRouteType } from './route-modes';
import { serviceTimeIso } from './zone-time';

/** How the rider gets between the origin or destination and a stop. */
export interface Link {
  stop: number;
  secs: number;
  meters: number;
  mode: LegMode;
}

export interface Ends {
  from: LatLon & { name?: string };
  to: LatLon & { name?: string };
  access: Map<number, Link>;
  egress: Map<number, Link>;
}

interface Raw {
  mode: LegMode;
  from: number | 'origin';
  to: number | 'destination';
  start: number;
  end: number;
  meters: number;
  ride?: { pattern: number; trip: number; board: number; alight: number };
}

/** Walks the RAPTOR labels back from the destination into legs, then dresses them as an itinerary. */
export function journeyToItinerary(
  net: Network,
  res: RaptorResult,
  a: RaptorResult['arrivals'][number],
  ends: Ends,
): Itinerary {
  const legs: Raw[] = [];
  const eg = ends.egress.get(a.stop)!;
  let k = a.rides;
  let s = a.stop;
  let how = a.onFoot ? FROM_WALK : FROM_VEHICLE;
  const t = a.onFoot ? res.rounds[k]!.walk[s]! : res.rounds[k]!.trip[s]!;
  legs.push({ mode: eg.mode, from: s, to: 'destination', start: t, end: t + eg.secs, meters: eg.meters });
  for (;;) {
    const round = res.rounds[k]!;
    if (how === FROM_ORIGIN) {
      const ac = ends.access.get(s)!;
      // Leave just in time: the access leg ends when the first ride leaves, not at the query time.
      const next = legs[legs.length - 1]!.start;
      legs.push({
        mode: ac.mode,
        from: 'origin',
        to: s,
        start: next - ac.secs,
        end: next,
        meters: ac.meters,
      });
      break;
    }
    if (how === FROM_WALK) {
      const r = round.walkRound[s]!;
      const set = res.rounds[r]!;
      const from = set.walkFrom[s]!;
      const start = set.trip[from]!;
      const m = haversine(net.lat[from]!, net.lon[from]!, net.lat[s]!, net.lon[s]!) * net.options.detour;
      legs.push({ mode: 'walk', from, to: s, start, end: set.walk[s]!, meters: Math.round(m) });
      k = r;
      s = from;
      how = FROM_VEHICLE;
    } else {
      const r = round.tripRound[s]!;
      const set = res.rounds[r]!;
      const pi = set.pat[s]!;
      const p = net.patterns[pi]!;
      const len = p.stops.length;
      const trip = set.tripIdx[s]!;
      const off = res.days[set.day[s]!]!.offset;
      const board = set.boardPos[s]!;
      const alight = set.alightPos[s]!;
      legs.push({
        mode: modeOfRouteType(net.timetable.routes[p.route]!.type),
        from: p.stops[board]!,
        to: s,
        start: p.dep[trip * len + board]! + off,
        end: p.arr[trip * len + alight]! + off,
        meters: Math.round(p.dist[alight]! - p.dist[board]!),
        ride: { pattern: pi, trip, board, alight },
      });
      how = set.boardedFrom[s]!;
      s = p.stops[board]!;
      k = r - 1;
    }
  }
  return dress(net, res.query.date, legs.reverse(), ends);
}

function dress(net: Network, date: string, raw: Raw[], ends: Ends): Itinerary {
  const tt = net.timetable;
  const point = (x: number | 'origin' | 'destination'): LegPoint => {
    if (x === 'origin') return { name: ends.from.name ?? 'Start', lat: ends.from.lat, lon: ends.from.lon };
    if (x === 'destination')
      return { name: ends.to.name ?? 'Destination', lat: ends.to.lat, lon: ends.to.lon };
    const st = tt.stops[x]!;
    return { name: st.name, lat: st.lat, lon: st.lon, stopId: st.id };
  };
  const iso = (secs: number) => serviceTimeIso({ date, secs }, tt.timezone);
  // A zero-length walk (alighting where the next bus leaves) is not worth showing.
  const kept = raw.filter((l) => !(l.mode === 'walk' && l.meters === 0 && l.end === l.start));
  const legs: Leg[] = kept.map((l) => {
    const from = point(l.from);
    const to = point(l.to);
    const leg: Leg = {
      mode: l.mode,
      from,
      to,
      departAt: iso(l.start),
      arriveAt: iso(l.end),
      distanceMeters: Math.max(0, Math.round(l.meters)),
      geometry: walkGeometry(from, to),
    };
    if (l.mode === 'moto') {
      leg.fare = { amount: motoFare(l.meters), currency: 'RWF' };
      const drawn = motoGeometry(net, from, to);
      leg.geometry = drawn.geometry;
      if (drawn.approximate) leg.approximate = true;
    }
    if (l.ride) {
      const p = net.patterns[l.ride.pattern]!;
      leg.geometry = transitGeometry(net, p, l.ride.board, l.ride.alight);
      const r = tt.routes[p.route]!;
      leg.route = {
        id: r.id,
        shortName: r.shortName,
        longName: r.longName,
        headsign: p.headsign,
        ...(r.color ? { color: r.color } : {}),
      };
      leg.stops = Array.from(p.stops.subarray(l.ride.board, l.ride.alight + 1), (x) => point(x));
      leg.fare = { amount: busFare(l.meters), currency: 'RWF' };
    }
    return leg;
  });
  const rides = kept.filter((l) => l.mode !== 'walk').length;
  return {
    departAt: iso(kept[0]!.start),
    arriveAt: iso(kept[kept.length - 1]!.end),
    transfers: Math.max(0, rides - 1),
    walkMeters: kept.filter((l) => l.mode === 'walk').reduce((m, l) => m + Math.round(l.meters), 0),
    legs,
    fare: { amount: legs.reduce((sum, l) => sum + (l.fare?.amount ?? 0), 0), currency: 'RWF' },
  };
}

import type { Network } from './network';
import { type DayView, dayViews } from './services';

/**
 * RAPTOR (Delling, Pajor, Werneck 2012): round k finds the earliest arrival at every stop using k vehicles,
 * scanning each pattern once per round. The rounds give the Pareto set over (arrival, number of rides) for
 * free: a journey with k rides is kept only if it arrives strictly earlier than every journey with fewer.
 *
 * Walking follows one rule, shared with the oracle in the tests: a rider walks from the origin to a first
 * stop, may walk one footpath after each ride (never two in a row), and walks from the last stop to the
 * destination. So each stop has two labels per round: arrived by vehicle (may board again after the stop's
 * change time, may walk on) and arrived on foot (may board at once, may not walk further).
 */
export const INF = 0x3fffffff;
export const FROM_VEHICLE = 0;
export const FROM_WALK = 1;
export const FROM_ORIGIN = 2;

export interface RaptorQuery {
  date: string;
  /** Seconds after `date`'s midnight when the rider leaves the origin. */
  departSecs: number;
  /** Stops reachable from the origin, and the seconds to get there (walking, or by moto). */
  access: { stop: number; secs: number }[];
  /** Stops from which the destination is reachable, and the seconds it takes. */
  egress: { stop: number; secs: number }[];
  /** Longest journey considered: number of vehicles ridden. */
  maxRides: number;
  /**
   * Only journeys arriving strictly before this (seconds after `date`'s midnight) are wanted: target pruning
   * starts from it instead of from the first arrival found, so a search that must beat a known journey skips
   * most of the network.
   */
  arriveBefore?: number;
}

/** One round's labels; `*Round` says in which round a (carried-over) label was set. */
interface Round {
  trip: Int32Array;
  walk: Int32Array;
  tripRound: Int32Array;
  walkRound: Int32Array;
  // Parents of labels set in this round.
  pat: Int32Array;
  tripIdx: Int32Array;
  day: Int8Array;
  boardPos: Int32Array;
  alightPos: Int32Array;
  /** How the rider got to the boarding stop: FROM_VEHICLE, FROM_WALK (after a ride) or FROM_ORIGIN. */
  boardedFrom: Uint8Array;
  walkFrom: Int32Array;
}

export interface RaptorResult {
  query: RaptorQuery;
  days: DayView[];
  /** Arrival at each stop walking from the origin. */
  access: Int32Array;
  rounds: Round[];
  /** For each number of rides k ≥ 1 that improved the arrival: the arrival at the destination and how. */
  arrivals: { rides: number; arrival: number; stop: number; onFoot: boolean }[];
}

/** A round's Int32Array fields: trip, walk, tripRound, walkRound, pat, tripIdx, boardPos, alightPos, walkFrom. */
const INT32_FIELDS = 9;

/**
 * A round's labels (carried over from the last round) and empty parents, all views of one buffer: a plan runs
 * two searches of up to six rounds, and one buffer per round instead of eleven took a Kigali plan's mean
 * from 0.83–0.87 to 0.70–0.80 ms in Node.
 */
function newRound(n: number, prev?: Round): Round {
  const buf = new ArrayBuffer(n * (4 * INT32_FIELDS + 2));
  const i32 = (k: number) => new Int32Array(buf, 4 * n * k, n);
  const r: Round = {
    trip: i32(0),
    walk: i32(1),
    tripRound: i32(2),
    walkRound: i32(3),
    pat: i32(4),
    tripIdx: i32(5),
    boardPos: i32(6),
    alightPos: i32(7),
    walkFrom: i32(8),
    day: new Int8Array(buf, 4 * n * INT32_FIELDS, n),
    boardedFrom: new Uint8Array(buf, 4 * n * INT32_FIELDS + n, n),
  };
  if (prev) {
    r.trip.set(prev.trip);
    r.walk.set(prev.walk);
    r.tripRound.set(prev.tripRound);
    r.walkRound.set(prev.walkRound);
  } else {
    r.trip.fill(INF);
    r.walk.fill(INF);
    r.tripRound.fill(-1);
    r.walkRound.fill(-1);
  }
  r.walkFrom.fill(-1);
  return r;
}

export function raptor(net: Network, q: RaptorQuery): RaptorResult {
  const n = net.stopCount;
  const days = dayViews(net.timetable, q.date);
  const egress = new Int32Array(n).fill(INF);
  for (const e of q.egress) egress[e.stop] = Math.min(egress[e.stop]!, e.secs);
  // Arrival on foot from the origin is kept apart from walks after a ride: it may board, but reaching the
  // destination from it would be a journey without any ride (the plan offers walking separately).
  const access = new Int32Array(n).fill(INF);
  let marked: number[] = [];
  for (const a of q.access) {
    const t = q.departSecs + a.secs;
    if (access[a.stop] === INF) marked.push(a.stop);
    access[a.stop] = Math.min(access[a.stop]!, t);
  }
  // Per pattern, the earliest position to scan from this round (-1: not queued).
  const queuedFrom = new Int32Array(net.patterns.length).fill(-1);
  const queued: number[] = [];
  const isMarked = new Uint8Array(n);
  for (const s of marked) isMarked[s] = 1;
  const r0 = newRound(n);
  const rounds = [r0];
  const arrivals: RaptorResult['arrivals'] = [];
  let best = Math.min(q.arriveBefore ?? INF, INF);
  const fp = net.footpaths;

  for (let k = 1; k <= q.maxRides && marked.length > 0; k++) {
    const prev = rounds[k - 1]!;
    const cur = newRound(n, prev);
    rounds.push(cur);
    // Patterns to scan, each from the earliest position where a stop improved last round.
    queued.length = 0;
    for (const s of marked) {
      const sp = net.stopPatterns[s]!;
      for (let j = 0; j < sp.length; j += 2) {
        const pi = sp[j]!;
        const pos = sp[j + 1]!;
        const q0 = queuedFrom[pi]!;
        if (q0 < 0) queued.push(pi);
        if (q0 < 0 || pos < q0) queuedFrom[pi] = pos;
      }
    }
    const byTrip: number[] = [];
    // Best arrival of the rounds before this one: a journey of this round is kept only if it beats it.
    const before = best;
    // The arrays of this round and the last as locals: this loop is where a search spends its time.
    const { trip: curTrip, tripRound: curTripRound } = cur;
    const { trip: prevTrip, walk: prevWalk } = prev;
    for (const pi of queued) {
      const from = queuedFrom[pi]!;
      queuedFrom[pi] = -1;
      const p = net.patterns[pi]!;
      const { stops, arr, dep } = p;
      const len = stops.length;
      let trip = -1;
      let day = 0;
      // The trip held: its first cell in arr/dep (trip * len) and its day view's offset.
      let base = 0;
      let offset = 0;
      let boardPos = -1;
      let boardedFrom = 0;
      for (let i = from; i < len; i++) {
        const s = stops[i]!;
        if (trip >= 0) {
          const a = arr[base + i]! + offset;
          // Local pruning (a stop's best so far) and target pruning (no better than a known arrival).
          if (a < curTrip[s]! && a < best) {
            if (curTripRound[s] !== k) byTrip.push(s);
            // The destination reached from here tightens target pruning for the rest of this round too, not
            // only from the next one: on 10,000 stops a search's p50 went from 8.7 to 4.9 ms (pnpm bench planner).
            if (a + egress[s]! < best) best = a + egress[s]!;
            curTrip[s] = a;
            curTripRound[s] = k;
            cur.pat[s] = pi;
            cur.tripIdx[s] = trip;
            cur.day[s] = day;
            cur.boardPos[s] = boardPos;
            cur.alightPos[s] = i;
            cur.boardedFrom[s] = boardedFrom;
          }
        }
        // Boarding only where the label improved last round: at any other stop the same trip was found
        // in an earlier round, and what it reaches is already labelled. (Checked by the oracle tests.)
        if (i === len - 1 || !isMarked[s]) continue;
        const byVehicle = prevTrip[s]! + net.changeSecs[s]!;
        const ready = Math.min(byVehicle, prevWalk[s]!, access[s]!);
        if (ready >= INF) continue;
        const current = trip < 0 ? INF : dep[base + i]! + offset;
        if (ready > current) continue;
        if (earliestTrip(dep, p.service, p.tripCount, len, i, ready, days, current, trip, day)) {
          trip = found.trip;
          day = found.day;
          base = trip * len;
          offset = days[day]!.offset;
          boardPos = i;
          boardedFrom = ready === access[s] ? FROM_ORIGIN : ready === prevWalk[s] ? FROM_WALK : FROM_VEHICLE;
        }
      }
    }
    // One footpath after a ride.
    const byFoot: number[] = [];
    for (const s of byTrip) {
      const a = cur.trip[s]!;
      for (let j = fp.start[s]!; j < fp.start[s + 1]!; j++) {
        const to = fp.to[j]!;
        const t = a + fp.secs[j]!;
        if (t < cur.walk[to]! && t < cur.trip[to]! + net.changeSecs[to]! && t < best) {
          if (cur.walkRound[to] !== k) byFoot.push(to);
          cur.walk[to] = t;
          cur.walkRound[to] = k;
          cur.walkFrom[to] = s;
          if (t + egress[to]! < best) best = t + egress[to]!;
        }
      }
    }
    // The destination, reached from a stop whose label this round set.
    let roundBest: RaptorResult['arrivals'][number] | undefined;
    const consider = (s: number, t: number, onFoot: boolean) => {
      if (egress[s]! >= INF || t >= INF) return;
      const arrival = t + egress[s]!;
      if (arrival < (roundBest?.arrival ?? before)) {
        roundBest = { rides: k, arrival, stop: s, onFoot };
      }
    };
    for (const s of byTrip) if (cur.tripRound[s] === k) consider(s, cur.trip[s]!, false);
    for (const s of byFoot) if (cur.walkRound[s] === k) consider(s, cur.walk[s]!, true);
    if (roundBest) arrivals.push(roundBest);
    // Next round's marks: the stops labelled this round, each once (a flag array, not a Set: per round).
    for (const s of marked) isMarked[s] = 0;
    for (const s of byTrip) isMarked[s] = 1;
    for (const s of byFoot) {
      if (isMarked[s]) continue;
      isMarked[s] = 1;
      byTrip.push(s);
    }
    marked = byTrip;
  }
  return { query: q, days, access, rounds, arrivals };
}

/** Result slot of `earliestTrip`, reused: this is the innermost loop, so it allocates nothing. */
const found = { trip: -1, day: 0, abs: INF };

/**
 * The earliest trip of a pattern leaving position i at or after `ready` and strictly before `limit` (the
 * trip already held, if any: `curTrip` on day view `curDay`), over the service days in view. Binary search,
 * since trips are in departure order at every position, then skip trips not running that day.
 * Fills `found`; returns false if there is none. The early exits matter: this is the innermost loop.
 */
function earliestTrip(
  dep: Int32Array,
  service: Int32Array,
  count: number,
  len: number,
  i: number,
  ready: number,
  days: DayView[],
  limit: number,
  curTrip: number,
  curDay: number,
): boolean {
  found.abs = limit;
  for (let d = 0; d < days.length; d++) {
    const { offset, active } = days[d]!;
    const target = ready - offset;
    // Nothing in this view leaves at or after `ready`, or before the best found so far.
    if (dep[(count - 1) * len + i]! < target || dep[i]! + offset >= found.abs) continue;
    // The trip held is in this view and the one before it leaves too early: it is this view's earliest.
    if (d === curDay && curTrip >= 0 && (curTrip === 0 || dep[(curTrip - 1) * len + i]! < target)) continue;
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (dep[mid * len + i]! < target) lo = mid + 1;
      else hi = mid;
    }
    for (let t = lo; t < count; t++) {
      if (active[service[t]!]) {
        const abs = dep[t * len + i]! + offset;
        if (abs < found.abs) {
          found.trip = t;
          found.day = d;
          found.abs = abs;
        }
        break;
      }
    }
  }
  return found.abs < limit;
}

import type { Network } from '../network';
import { INF, type RaptorQuery } from '../raptor';
import { dayViews } from '../services';

/**
 * Test oracle: a plain time-dependent Dijkstra over (stop, how the rider got there), sharing none of RAPTOR's
 * machinery — no rounds, no patterns' trip order, no binary search over one pattern. It boards *every* running
 * trip leaving a reached stop (pruned only by the best arrival found so far) and follows the same walking
 * rules as the planner: walk to a first stop, at most one footpath after each ride, walk to the destination,
 * and a stop's change time between two rides there. It returns the earliest arrival using at least one ride.
 */
/** maxRides at or above this is treated as unlimited (and the state drops the ride count). */
const UNLIMITED = 30;

export class Oracle {
  /** Per stop: departures as [pattern, trip, position, departure], sorted by departure. */
  private readonly events: Int32Array[];
  /** Index of each pattern's first trip in one numbering of all trips. */
  private readonly tripBase: Int32Array;

  constructor(private readonly net: Network) {
    const lists: number[][][] = Array.from({ length: net.stopCount }, () => []);
    this.tripBase = new Int32Array(net.patterns.length + 1);
    net.patterns.forEach((p, pi) => {
      this.tripBase[pi + 1] = this.tripBase[pi]! + p.tripCount;
    });
    net.patterns.forEach((p, pi) => {
      const len = p.stops.length;
      for (let t = 0; t < p.tripCount; t++) {
        for (let i = 0; i < len - 1; i++) lists[p.stops[i]!]!.push([pi, t, i, p.dep[t * len + i]!]);
      }
    });
    this.events = lists.map((l) => Int32Array.from(l.sort((a, b) => a[3]! - b[3]!).flat()));
  }

  /**
   * Earliest arrival, or INF if there is none before `bound`. Tests pass the arrival RAPTOR claims plus one
   * second: the oracle then finds an earlier journey if one exists, and finds none if RAPTOR's is impossible,
   * so equality still proves RAPTOR right, while the search stays within the claimed time.
   */
  earliestArrival(q: RaptorQuery, bound = INF): number {
    const net = this.net;
    const n = net.stopCount;
    const days = dayViews(net.timetable, q.date);
    const egress = new Float64Array(n).fill(INF);
    for (const e of q.egress) egress[e.stop] = Math.min(egress[e.stop]!, e.secs);
    // A small maxRides (Pareto checks) puts the number of rides in the state; a large one means "any".
    const L = q.maxRides < UNLIMITED ? q.maxRides + 1 : 1;
    // Labels by (kind, rides, stop); kind 0 = walked from the origin, 1 = arrived by vehicle, 2 = walked
    // after a ride.
    const label = new Float64Array(3 * L * n).fill(INF);
    const heap = new MinHeap();
    const push = (kind: number, r: number, s: number, t: number) => {
      const key = (kind * L + r) * n + s;
      if (t < label[key]!) {
        label[key] = t;
        heap.push(t, key);
      }
    };
    for (const a of q.access) push(0, 0, a.stop, q.departSecs + a.secs);
    // Earliest position each (trip, service day, rides) was boarded at: boarding further on adds nothing.
    const boarded = new Int32Array(this.tripBase[net.patterns.length]! * days.length * L).fill(INF);
    let best = bound;
    while (heap.size > 0) {
      const [t, key] = heap.pop();
      if (t >= best) break;
      if (t > label[key]!) continue;
      const s = key % n;
      const kind = Math.floor(key / (L * n));
      const r = Math.floor(key / n) % L;
      if (kind > 0) best = Math.min(best, t + egress[s]!);
      if (kind === 1) {
        const fp = net.footpaths;
        for (let j = fp.start[s]!; j < fp.start[s + 1]!; j++) push(2, r, fp.to[j]!, t + fp.secs[j]!);
      }
      if (L > 1 && r + 1 >= L) continue; // no ride left
      const next = L > 1 ? r + 1 : 0;
      const ready = kind === 1 ? t + net.changeSecs[s]! : t;
      const ev = this.events[s]!;
      for (let d = 0; d < days.length; d++) {
        const { offset, active } = days[d]!;
        for (let e = firstAtOrAfter(ev, ready - offset); e < ev.length; e += 4) {
          const dep = ev[e + 3]! + offset;
          if (dep >= best) break;
          const [pi, trip, pos] = [ev[e]!, ev[e + 1]!, ev[e + 2]!];
          const p = net.patterns[pi]!;
          if (!active[p.service[trip]!]) continue;
          const id = ((this.tripBase[pi]! + trip) * days.length + d) * L + next;
          if (boarded[id]! <= pos) continue;
          boarded[id] = pos;
          const len = p.stops.length;
          for (let j = pos + 1; j < len; j++) {
            const arrival = p.arr[trip * len + j]! + offset;
            if (arrival >= best) break; // a trip never arrives earlier further on
            push(1, next, p.stops[j]!, arrival);
          }
        }
      }
    }
    return best < bound ? best : INF;
  }
}

/**
 * Best arrival using at most r rides, for r = 1..maxRides (index r; index 0 unused), by the same brute-force
 * Dijkstra with the ride count in the state. Journeys arriving at or after `bound` are not searched.
 */
export function paretoByRides(oracle: Oracle, q: RaptorQuery, maxRides: number, bound: number): number[] {
  const best = new Array<number>(maxRides + 1).fill(INF);
  for (let r = 1; r <= maxRides; r++) {
    best[r] = oracle.earliestArrival({ ...q, maxRides: r }, bound);
  }
  return best;
}

/** Index (a multiple of 4) of the first event departing at or after `t`. */
function firstAtOrAfter(ev: Int32Array, t: number): number {
  let lo = 0;
  let hi = ev.length / 4;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ev[mid * 4 + 3]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo * 4;
}

/** A binary heap of (time, value) pairs. */
class MinHeap {
  private readonly keys: number[] = [];
  private readonly vals: number[] = [];
  get size(): number {
    return this.keys.length;
  }
  push(k: number, v: number): void {
    const { keys, vals } = this;
    let i = keys.length;
    keys.push(k);
    vals.push(v);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= k) break;
      keys[i] = keys[p]!;
      vals[i] = vals[p]!;
      i = p;
    }
    keys[i] = k;
    vals[i] = v;
  }
  pop(): [number, number] {
    const { keys, vals } = this;
    const top: [number, number] = [keys[0]!, vals[0]!];
    const k = keys.pop()!;
    const v = vals.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1]! < keys[c]!) c++;
        if (keys[c]! >= k) break;
        keys[i] = keys[c]!;
        vals[i] = vals[c]!;
        i = c;
      }
      keys[i] = k;
      vals[i] = v;
    }
    return top;
  }
}

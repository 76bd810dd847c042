import { haversine, StopGrid } from './geo';
import type { PlannerOptions } from './network';

/** Walking links between nearby stops, in compressed rows: stop s's links are [start[s], start[s + 1]). */
export interface Footpaths {
  start: Int32Array;
  to: Int32Array;
  secs: Int32Array;
}

/**
 * Footpaths between distinct stops within `transferRadius` (straight line), timed at walking speed over the
 * detoured distance. transfers.txt wins where it speaks: a pair it lists gets at least its min_transfer_time
 * (even beyond the radius), and a pair marked "not possible" gets no footpath.
 */
export function buildFootpaths(
  lat: Float64Array,
  lon: Float64Array,
  transfers: [number, number, number][],
  o: Pick<PlannerOptions, 'walkSpeed' | 'detour' | 'transferRadius'>,
): Footpaths {
  const n = lat.length;
  const grid = new StopGrid(lat, lon, Math.max(100, o.transferRadius));
  const links: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const walkSecs = (m: number) => Math.ceil((m * o.detour) / o.walkSpeed);
  for (let s = 0; s < n; s++) {
    for (const { index, meters } of grid.within(lat[s]!, lon[s]!, o.transferRadius)) {
      if (index !== s) links[s]!.set(index, walkSecs(meters));
    }
  }
  for (const [a, b, min] of transfers) {
    if (a === b) continue;
    if (min < 0) {
      links[a]!.delete(b);
      continue;
    }
    const meters = haversine(lat[a]!, lon[a]!, lat[b]!, lon[b]!);
    links[a]!.set(b, Math.max(min, walkSecs(meters)));
  }
  const start = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) start[s + 1] = start[s]! + links[s]!.size;
  const to = new Int32Array(start[n]!);
  const secs = new Int32Array(start[n]!);
  for (let s = 0; s < n; s++) {
    let k = start[s]!;
    for (const [b, t] of [...links[s]!].sort((x, y) => x[0] - y[0])) {
      to[k] = b;
      secs[k++] = t;
    }
  }
  return { start, to, secs };
}

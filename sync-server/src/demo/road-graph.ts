import type { LatLon } from '@kigaligo/domain';
import type { ShapeLine } from '@kigaligo/planner';

/** Vertices of different shapes closer than this are one place on the road (shapes are simplified to 4 m). */
const MERGE_METRES = 12;
/** Two roads whose vertices come this close meet there: a junction a vehicle can turn at. */
const JUNCTION_METRES = 35;
/** A turn through a junction costs its length times this, so routes keep to one road where they can. */
const JUNCTION_COST = 1.5;

const RAD = Math.PI / 180;
const R = 6_371_000;
// One plane for the whole city (the network's shapes each carry their own; Kigali spans 0.2° of latitude).
const KY = RAD * R;
const KX = Math.cos(-1.95 * RAD) * RAD * R;

/**
 * The roads the demo simulation drives on: every bus route shape of the network (shapes.txt traces Kigali's
 * main roads), joined where shapes share or cross a road. Vehicles follow it from the vertex nearest their
 * position to the vertex nearest their goal; the last metres at each end are straight.
 */
export class RoadGraph {
  private readonly x: number[] = [];
  private readonly y: number[] = [];
  private readonly edges: { to: number; cost: number }[][] = [];
  /** Vertices of the largest connected part: the only ones a route may start or end at. */
  private readonly reachable: Int32Array;

  constructor(shapes: ShapeLine[]) {
    const byCell = new Map<string, number>();
    const vertex = (lat: number, lon: number): number => {
      const x = lon * KX;
      const y = lat * KY;
      const key = `${Math.round(x / MERGE_METRES)}:${Math.round(y / MERGE_METRES)}`;
      const known = byCell.get(key);
      if (known !== undefined) return known;
      this.x.push(x);
      this.y.push(y);
      this.edges.push([]);
      byCell.set(key, this.x.length - 1);
      return this.x.length - 1;
    };
    for (const shape of shapes) {
      let prev = -1;
      for (let i = 0; i < shape.lat.length; i++) {
        const v = vertex(shape.lat[i]!, shape.lon[i]!);
        if (prev >= 0 && prev !== v) this.link(prev, v, 1);
        prev = v;
      }
    }
    this.linkJunctions();
    this.reachable = this.largestComponent();
  }

  get size(): number {
    return this.x.length;
  }

  /** Positions from `from` to `to` along the roads (just the two ends when there are no roads). */
  route(from: LatLon, to: LatLon): LatLon[] {
    if (this.reachable.length === 0) return [from, to];
    const start = this.nearest(from);
    const goal = this.nearest(to);
    const path = this.shortestPath(start, goal);
    return [from, ...path.map((v) => ({ lat: this.y[v]! / KY, lon: this.x[v]! / KX })), to];
  }

  /** A road position near `p` (for parking a vehicle on a road). */
  snap(p: LatLon): LatLon {
    if (this.reachable.length === 0) return p;
    const v = this.nearest(p);
    return { lat: this.y[v]! / KY, lon: this.x[v]! / KX };
  }

  private link(a: number, b: number, factor: number): void {
    const cost = Math.hypot(this.x[a]! - this.x[b]!, this.y[a]! - this.y[b]!) * factor;
    this.edges[a]!.push({ to: b, cost });
    this.edges[b]!.push({ to: a, cost });
  }

  private linkJunctions(): void {
    const cell = (v: number) => [
      Math.floor(this.x[v]! / JUNCTION_METRES),
      Math.floor(this.y[v]! / JUNCTION_METRES),
    ];
    const grid = new Map<string, number[]>();
    for (let v = 0; v < this.x.length; v++) {
      const [cx, cy] = cell(v);
      const key = `${cx}:${cy}`;
      grid.set(key, [...(grid.get(key) ?? []), v]);
    }
    for (let v = 0; v < this.x.length; v++) {
      const [cx, cy] = cell(v);
      const linked = new Set(this.edges[v]!.map((e) => e.to));
      for (let dx = -1; dx <= 1; dx++)
        for (let dy = -1; dy <= 1; dy++)
          for (const w of grid.get(`${cx! + dx}:${cy! + dy}`) ?? []) {
            if (w <= v || linked.has(w)) continue;
            if (Math.hypot(this.x[v]! - this.x[w]!, this.y[v]! - this.y[w]!) <= JUNCTION_METRES)
              this.link(v, w, JUNCTION_COST);
          }
    }
  }

  private largestComponent(): Int32Array {
    const seen = new Int32Array(this.x.length).fill(-1);
    let best: number[] = [];
    for (let s = 0; s < this.x.length; s++) {
      if (seen[s] !== -1) continue;
      const members = [s];
      seen[s] = s;
      for (let i = 0; i < members.length; i++)
        for (const e of this.edges[members[i]!]!)
          if (seen[e.to] === -1) {
            seen[e.to] = s;
            members.push(e.to);
          }
      if (members.length > best.length) best = members;
    }
    return Int32Array.from(best);
  }

  private nearest(p: LatLon): number {
    const px = p.lon * KX;
    const py = p.lat * KY;
    let best = this.reachable[0]!;
    let bestD = Number.POSITIVE_INFINITY;
    for (const v of this.reachable) {
      const d = (this.x[v]! - px) ** 2 + (this.y[v]! - py) ** 2;
      if (d < bestD) {
        bestD = d;
        best = v;
      }
    }
    return best;
  }

  /** Dijkstra on a binary heap; start and goal are in one component, so a path always exists. */
  private shortestPath(start: number, goal: number): number[] {
    const dist = new Float64Array(this.x.length).fill(Number.POSITIVE_INFINITY);
    const prev = new Int32Array(this.x.length).fill(-1);
    const heap = new MinHeap();
    dist[start] = 0;
    heap.push(start, 0);
    while (heap.size > 0) {
      const { id: v, key } = heap.pop();
      if (v === goal) break;
      if (key > dist[v]!) continue;
      for (const e of this.edges[v]!) {
        const d = key + e.cost;
        if (d < dist[e.to]!) {
          dist[e.to] = d;
          prev[e.to] = v;
          heap.push(e.to, d);
        }
      }
    }
    const path = [goal];
    while (path[0] !== start && prev[path[0]!]! >= 0) path.unshift(prev[path[0]!]!);
    return path;
  }
}

class MinHeap {
  private ids: number[] = [];
  private keys: number[] = [];

  get size(): number {
    return this.ids.length;
  }

  push(id: number, key: number): void {
    let i = this.ids.length;
    this.ids.push(id);
    this.keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.keys[parent]! <= key) break;
      this.ids[i] = this.ids[parent]!;
      this.keys[i] = this.keys[parent]!;
      i = parent;
    }
    this.ids[i] = id;
    this.keys[i] = key;
  }

  pop(): { id: number; key: number } {
    const top = { id: this.ids[0]!, key: this.keys[0]! };
    const lastId = this.ids.pop()!;
    const lastKey = this.keys.pop()!;
    const n = this.ids.length;
    if (n > 0) {
      let i = 0;
      while (true) {
        let child = 2 * i + 1;
        if (child >= n) break;
        if (child + 1 < n && this.keys[child + 1]! < this.keys[child]!) child++;
        if (this.keys[child]! >= lastKey) break;
        this.ids[i] = this.ids[child]!;
        this.keys[i] = this.keys[child]!;
        i = child;
      }
      this.ids[i] = lastId;
      this.keys[i] = lastKey;
    }
    return top;
  }
}

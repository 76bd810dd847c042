/** Plain geometry on Kigali's scale (tens of km, near the equator): haversine and a bucket grid. */
export interface LatLon {
  lat: number;
  lon: number;
}

const R = 6_371_000;
const RAD = Math.PI / 180;

/** Great-circle distance in metres. */
export function haversine(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const dLat = (bLat - aLat) * RAD;
  const dLon = (bLon - aLon) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * RAD) * Math.cos(bLat * RAD) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Points bucketed in square cells of about `cellMeters`, so "all stops within r" looks at a few cells instead
 * of every stop: footpaths for a 10,000-stop network are then built in milliseconds, not minutes.
 */
export class StopGrid {
  private readonly cells = new Map<string, number[]>();
  private readonly cellDeg: number;

  constructor(
    private readonly lat: ArrayLike<number>,
    private readonly lon: ArrayLike<number>,
    private readonly cellMeters = 500,
  ) {
    this.cellDeg = cellMeters / (R * RAD);
    for (let i = 0; i < lat.length; i++) {
      const k = this.key(lat[i]!, lon[i]!);
      const list = this.cells.get(k);
      if (list) list.push(i);
      else this.cells.set(k, [i]);
    }
  }

  private key(lat: number, lon: number): string {
    return `${Math.floor(lat / this.cellDeg)}:${Math.floor(lon / this.cellDeg)}`;
  }

  /** Indices and distances (m) of the points within `radius` metres of (lat, lon). */
  within(lat: number, lon: number, radius: number): { index: number; meters: number }[] {
    const out: { index: number; meters: number }[] = [];
    // Longitude degrees shrink with latitude; at Kigali (≈2° S) the factor is ~1, but stay general.
    const span = Math.ceil(radius / this.cellMeters) + 1;
    const spanLon = Math.ceil(span / Math.max(0.1, Math.cos(lat * RAD)));
    const ci = Math.floor(lat / this.cellDeg);
    const cj = Math.floor(lon / this.cellDeg);
    for (let i = ci - span; i <= ci + span; i++) {
      for (let j = cj - spanLon; j <= cj + spanLon; j++) {
        for (const idx of this.cells.get(`${i}:${j}`) ?? []) {
          const m = haversine(lat, lon, this.lat[idx]!, this.lon[idx]!);
          if (m <= radius) out.push({ index: idx, meters: m });
        }
      }
    }
    return out;
  }
}

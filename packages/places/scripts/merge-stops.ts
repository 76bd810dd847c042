import { distanceMeters, normalize, type Place } from '../src/index';

export interface StopRow {
  id: string;
  name: string;
  lat: number;
  lon: number;
  station: boolean;
  parent: string;
}

/** Same-named stops this close are one place to a rider (the two sides of a road, "Gishushu" / "Gishushu B"). */
const MERGE_METERS = 400;

/** The feed marks the second side of the road with a trailing " B" (or " A"); riders never say it. */
const baseName = (name: string) => name.replace(/\s+[AB]$/i, '').trim();

/** Title-cases names the feed writes in capitals ("KANOGO ROND POINT" → "Kanogo Rond Point"). */
function tidy(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s/(-])(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
}

export function mergeStops(rows: StopRow[]): Place[] {
  const groups: { key: string; rows: StopRow[] }[] = [];
  for (const r of rows) {
    const key = normalize(baseName(r.name));
    const g = groups.find((x) => x.key === key && x.rows.some((o) => distanceMeters(o, r) <= MERGE_METERS));
    if (g) g.rows.push(r);
    else groups.push({ key, rows: [r] });
  }
  return groups.map((g) => {
    const first = g.rows[0] as StopRow;
    const mean = (f: (r: StopRow) => number) =>
      Math.round((g.rows.reduce((s, r) => s + f(r), 0) / g.rows.length) * 1e6) / 1e6;
    return {
      id: `stop-${first.id}`,
      name: tidy(baseName(first.name)),
      altNames: [],
      kind: 'stop',
      lat: mean((r) => r.lat),
      lon: mean((r) => r.lon),
      stopIds: g.rows.map((r) => r.id),
    };
  });
}

import { readFileSync } from 'node:fs';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import GeoJSONVT from 'geojson-vt';
import { type ArchiveTile, writePmtiles } from './pmtiles-writer';

/**
 * A small vector basemap of central Kigali in the Protomaps basemap schema, for tests of the vector map: the
 * shipped feed's route shapes as roads, the places file's neighbourhoods as place labels, stations as building
 * footprints and two landmarks (a hospital, the airport) as landuse. Footprint sizes are stand-ins (we hold
 * points, not outlines), and there is no water (we hold none); it is test data, not a map to ship.
 */
const root = new URL('../../public/network/', import.meta.url);
/** [west, south, east, north]: the city centre from Nyabugogo to Kimironko. */
export const TEST_BASEMAP_BOUNDS: [number, number, number, number] = [30.03, -1.99, 30.13, -1.92];
const MIN_ZOOM = 10;
const MAX_ZOOM = 14;
export const TEST_BASEMAP_ATTRIBUTION = 'KigaliGo test basemap (route shapes: Kigali GTFS reference data)';

type Geometry =
  | { type: 'LineString'; coordinates: number[][] }
  | { type: 'Polygon'; coordinates: number[][][] }
  | { type: 'Point'; coordinates: number[] };
interface Feature {
  type: 'Feature';
  properties: Record<string, string | number>;
  geometry: Geometry;
}
const collection = (features: Feature[]) => ({ type: 'FeatureCollection' as const, features });

function roads(): Feature[] {
  const lines = new Map<string, number[][]>();
  const rows = readFileSync(new URL('kigali-gtfs/shapes.txt', root), 'utf8').trim().split('\n').slice(1);
  // shape_id,shape_pt_lat,shape_pt_lon,shape_pt_sequence, in sequence order per shape.
  for (const row of rows) {
    const [id, lat, lon] = row.split(',');
    const line = lines.get(id!) ?? [];
    line.push([Number(lon), Number(lat)]);
    lines.set(id!, line);
  }
  return [...lines.values()].map((coordinates) => ({
    type: 'Feature',
    properties: { kind: 'major_road', kind_detail: 'primary', min_zoom: MIN_ZOOM },
    geometry: { type: 'LineString', coordinates },
  }));
}

/** A square of `metres` a side around a point, as a polygon. */
function square(lon: number, lat: number, metres: number): Geometry {
  const dLat = metres / 2 / 111_320;
  const dLon = dLat / Math.cos((lat * Math.PI) / 180);
  const ring = [
    [lon - dLon, lat - dLat],
    [lon + dLon, lat - dLat],
    [lon + dLon, lat + dLat],
    [lon - dLon, lat + dLat],
    [lon - dLon, lat - dLat],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

interface Place {
  name: string;
  kind: string;
  lat: number;
  lon: number;
}

function layers(): Record<string, Feature[]> {
  const places = (
    JSON.parse(readFileSync(new URL('kigali.places.json', root), 'utf8')) as { places: Place[] }
  ).places;
  const [w, s, e, n] = TEST_BASEMAP_BOUNDS;
  const landuseKind = (name: string) =>
    /hospital/i.test(name) ? 'hospital' : /airport/i.test(name) ? 'aerodrome' : null;
  return {
    earth: [
      {
        type: 'Feature',
        properties: { kind: 'earth' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [w, s],
              [e, s],
              [e, n],
              [w, n],
              [w, s],
            ],
          ],
        },
      },
    ],
    landuse: places.flatMap((p): Feature[] => {
      const kind = p.kind === 'landmark' ? landuseKind(p.name) : null;
      if (!kind) return [];
      const size = kind === 'aerodrome' ? 800 : 200;
      return [{ type: 'Feature', properties: { kind, name: p.name }, geometry: square(p.lon, p.lat, size) }];
    }),
    roads: roads(),
    buildings: places
      .filter((p) => p.kind === 'station')
      .map((p) => ({
        type: 'Feature',
        properties: { kind: 'building', height: 8 },
        geometry: square(p.lon, p.lat, 40),
      })),
    places: places
      .filter((p) => p.kind === 'neighbourhood')
      .map((p) => ({
        type: 'Feature',
        properties: { kind: 'neighbourhood', name: p.name, min_zoom: MIN_ZOOM, population_rank: 8 },
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      })),
  };
}

/** Tile x/y of a point at zoom z (Web Mercator, XYZ). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const scale = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * scale);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * scale);
  return [x, y];
}

/** Every tile of the bounds from zoom 10 to 14, as a PMTiles archive (≈100 KB). */
export function buildKigaliTestBasemap(): Buffer {
  const byLayer = Object.entries(layers()).map(([name, features]) => {
    // Indexed down to the archive's deepest zoom, so every tile is cut from the source geometry.
    const index = new GeoJSONVT(collection(features) as never, {
      maxZoom: MAX_ZOOM,
      indexMaxZoom: MAX_ZOOM,
      indexMaxPoints: 0,
    });
    return [name, index] as const;
  });
  const [w, s, e, n] = TEST_BASEMAP_BOUNDS;
  const tiles: ArchiveTile[] = [];
  for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
    const [x0, y0] = tileOf(w, n, z);
    const [x1, y1] = tileOf(e, s, z);
    for (let x = x0; x <= x1; x++) {
      for (let y = y0; y <= y1; y++) {
        const present = byLayer.flatMap(([name, index]) => {
          const tile = index.getTile(z, x, y);
          return tile ? [[name, tile] as const] : [];
        });
        if (present.length === 0) continue;
        const data = fromGeojsonVt(Object.fromEntries(present) as never, { version: 2, extent: 4096 });
        tiles.push({ z, x, y, data });
      }
    }
  }
  return writePmtiles({
    tiles,
    metadata: {
      name: 'KigaliGo test basemap',
      attribution: TEST_BASEMAP_ATTRIBUTION,
      vector_layers: byLayer.map(([id]) => ({ id, fields: {}, minzoom: MIN_ZOOM, maxzoom: MAX_ZOOM })),
    },
    bounds: TEST_BASEMAP_BOUNDS,
    center: [30.06, -1.95, 13],
  });
}

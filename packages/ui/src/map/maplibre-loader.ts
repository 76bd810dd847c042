// Loaded with import() by the maps (map-setup.ts), so MapLibre (≈1 MB), the PMTiles reader and their CSS reach
// only screens that draw a map, never the first paint.
import 'maplibre-gl/dist/maplibre-gl.css';
import * as namespace from 'maplibre-gl';
import { Protocol } from 'pmtiles';

type MapLibre = typeof namespace;
// The package is a UMD bundle: bundlers expose it as the default export of a CommonJS module.
export const maplibre: MapLibre = (namespace as unknown as { default?: MapLibre }).default ?? namespace;

// `pmtiles://<url>` sources (MAP_PMTILES_URL, or a configured style that names one) read tiles from one archive
// with HTTP range requests. Registered once per page; `metadata` fills the map's credits from the archive.
maplibre.addProtocol('pmtiles', new Protocol({ metadata: true }).tile);

// Loaded with import() from LiveMap, so MapLibre (≈1 MB) and its CSS reach only screens that draw a map,
// never the driver app's bundle or the first paint of the others.
import 'maplibre-gl/dist/maplibre-gl.css';
import * as namespace from 'maplibre-gl';

type MapLibre = typeof namespace;
// The package is a UMD bundle: bundlers expose it as the default export of a CommonJS module.
export const maplibre: MapLibre = (namespace as unknown as { default?: MapLibre }).default ?? namespace;

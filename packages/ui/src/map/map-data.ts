import { type BundleLike, fetchNetworkBundle, networkRoutes } from '@kigaligo/client';
import type { StyleSpecification } from 'maplibre-gl';

/**
 * The map's static data (style, network bundle) from the network, falling back to our own Cache API copy:
 * the service workers precache code and icons, not JSON, and a map must still draw offline.
 */
const CACHE = 'kigaligo-map-v1';

export async function fetchJsonCached<T>(url: string): Promise<T> {
  const cache = await globalThis.caches?.open(CACHE).catch(() => undefined);
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    const text = await res.text();
    await cache?.put(url, new Response(text, { headers: { 'content-type': 'application/json' } }));
    return JSON.parse(text) as T;
  } catch (err) {
    const hit = await cache?.match(url);
    if (hit) return (await hit.json()) as T;
    throw err;
  }
}

/** No tile server: a plain background, the transit lines drawn on top from the bundle. */
export const fallbackStyle: StyleSpecification = {
  version: 8,
  name: 'KigaliGo offline (fallback)',
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#eef2ef' } }],
};

/** The shared offline style in `public/map/` when it is there, else the fallback above. */
export function loadStyle(base: string): Promise<StyleSpecification> {
  return fetchJsonCached<StyleSpecification>(`${base}map/kigali.style.json`).catch(() => fallbackStyle);
}

/** The lines as GeoJSON (spelled out here: the `geojson` types are not a dependency of this package). */
export interface RouteLines {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    properties: { name: string; line: string; color: string };
    geometry: { type: 'LineString'; coordinates: number[][] };
  }[];
}

/** The transit network as lines, one per route and direction, from the active feed's bundle. */
export async function loadRouteLines(base: string): Promise<RouteLines> {
  const bundle = JSON.parse(await fetchNetworkBundle(`${base}network/kigali.bundle.json`)) as BundleLike;
  return {
    type: 'FeatureCollection',
    features: networkRoutes(bundle).map((r) => ({
      type: 'Feature',
      properties: { name: r.name, line: r.line, color: r.color },
      geometry: { type: 'LineString', coordinates: r.stops.map((s) => [s.lon, s.lat]) },
    })),
  };
}

/** Kigali's built-up area, the initial view: [[west, south], [east, north]]. */
export const kigaliBounds: [[number, number], [number, number]] = [
  [29.98, -2.05],
  [30.2, -1.89],
];

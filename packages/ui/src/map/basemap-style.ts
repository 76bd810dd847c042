import { layers, namedFlavor } from '@protomaps/basemaps';
import type { StyleSpecification } from 'maplibre-gl';

/** The id of the vector basemap's source in the style: the map reports what it drew from it (basemap-probe.ts). */
export const BASEMAP_SOURCE = 'basemap';

export interface VectorBasemap {
  /** A PMTiles archive in the Protomaps basemap schema (MAP_PMTILES_URL). */
  pmtilesUrl: string;
  /** Absolute URL of our folder of glyphs and sprites (public/map/basemap/), ending in `/`. */
  assetsUrl: string;
  /** The app's language: labels use `name:<lang>` where the data has it, else the local name. */
  lang: string;
}

/**
 * The style of the vector basemap: the layers of the maintained Protomaps "light" style (streets, water,
 * landuse, buildings, street and place labels) over the archive, read through the `pmtiles://` protocol the
 * loader registers. Glyphs and sprites come from our own server, never a CDN, so the CSP needs nothing more
 * and the service worker can keep them for offline use.
 */
export function vectorBasemapStyle({ pmtilesUrl, assetsUrl, lang }: VectorBasemap): StyleSpecification {
  return {
    version: 8,
    name: 'KigaliGo vector basemap',
    glyphs: `${assetsUrl}fonts/{fontstack}/{range}.pbf`,
    sprite: `${assetsUrl}sprites/light`,
    sources: {
      [BASEMAP_SOURCE]: { type: 'vector', url: `pmtiles://${pmtilesUrl}` },
    },
    layers: layers(BASEMAP_SOURCE, namedFlavor('light'), { lang }),
  };
}

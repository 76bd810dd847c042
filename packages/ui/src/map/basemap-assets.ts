/**
 * Where an app serves the vector basemap's glyphs and sprites: `public/map/basemap/` under its base path. Apart
 * from the style builder so the offline-map card can name them without loading the Protomaps style package.
 */
export function basemapAssetsUrl(origin: string, base: string): string {
  return new URL(`${base}map/basemap/`, origin).href;
}

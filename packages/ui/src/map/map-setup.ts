import { fetchAppConfig } from '@kigaligo/client/app-config';
import type { MapOptions, Map as MlMap } from 'maplibre-gl';
import { basemapAssetsUrl } from './basemap-assets';
import { loadStyle } from './map-data';

/** What the map draws under our lines: the server's style, its vector archive, or our schematic. */
export type BasemapKind = 'style' | 'vector' | 'schematic';

export interface OpenedMap {
  map: MlMap;
  maplibre: typeof import('./maplibre-loader').maplibre;
  basemap: BasemapKind;
}

/**
 * The one way every app opens a map: the basemap the server is configured with (GET /api/config), the
 * MapLibre loader, credits. MAP_STYLE_URL wins (a full style, which may itself name `pmtiles://` sources);
 * else MAP_PMTILES_URL drawn with the Protomaps style (basemap-style.ts); else the schematic in
 * `public/map/`, which needs nothing but our own server and works offline from the first visit.
 */
export async function openMap(
  container: HTMLElement,
  base: string,
  lang: string,
  options: Omit<MapOptions, 'container' | 'style' | 'attributionControl'>,
): Promise<OpenedMap> {
  const [{ maplibre }, { map: config }] = await Promise.all([import('./maplibre-loader'), fetchAppConfig()]);
  let basemap: BasemapKind = 'schematic';
  let style: MapOptions['style'];
  if (config.styleUrl) {
    basemap = 'style';
    style = config.styleUrl;
  } else if (config.pmtilesUrl) {
    basemap = 'vector';
    // The Protomaps style package only reaches phones whose server has a vector basemap configured.
    const { vectorBasemapStyle } = await import('./basemap-style');
    style = vectorBasemapStyle({
      pmtilesUrl: config.pmtilesUrl,
      assetsUrl: basemapAssetsUrl(location.origin, base),
      lang,
    });
  } else {
    style = await loadStyle(base);
  }
  const map = new maplibre.Map({
    ...options,
    container,
    style,
    // A configured source carries its own credits (a PMTiles archive in its metadata); MAP_ATTRIBUTION adds
    // what it does not. Our schematic is our own data and needs none.
    attributionControl:
      basemap !== 'schematic' || config.attribution
        ? { compact: true, customAttribution: config.attribution || undefined }
        : false,
  });
  if (basemap === 'vector') (await import('./basemap-probe')).probeBasemap(map, container);
  return { map, maplibre, basemap };
}

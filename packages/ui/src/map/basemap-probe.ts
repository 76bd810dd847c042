import type { Map as MlMap } from 'maplibre-gl';
import { BASEMAP_SOURCE } from './basemap-style';

/**
 * After each render settles, counts the street features drawn from the vector basemap into the container's
 * `data-basemap-roads`: what the browser tests check to know the tiles were read and drawn, not just asked for.
 */
export function probeBasemap(map: MlMap, container: HTMLElement) {
  map.on('idle', () => {
    const roads = map
      .queryRenderedFeatures()
      .filter((f) => f.source === BASEMAP_SOURCE && f.sourceLayer === 'roads').length;
    container.dataset.basemapRoads = String(roads);
  });
}

import type { Map as MapLibre } from 'maplibre-gl';

/**
 * What we draw over the style (ours or the configured one): GeoJSON we ship, so no tiles, glyphs or sprites
 * are needed and it works offline. Text labels are HTML markers (map-labels.ts) rather than symbol layers,
 * which would need glyph PBFs.
 */
export function addLayers(map: MapLibre) {
  for (const id of ['routes', 'stops', 'itinerary'] as const) {
    map.addSource(id, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  }
  map.addLayer({
    id: 'routes',
    type: 'line',
    source: 'routes',
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': ['get', 'color'], 'line-width': 2, 'line-opacity': 0.3 },
  });
  map.addLayer({
    id: 'stops',
    type: 'circle',
    source: 'stops',
    paint: {
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 1.2, 15, 4],
      'circle-color': '#ffffff',
      'circle-stroke-color': '#6b7a73',
      'circle-stroke-width': 1,
    },
  });
  map.addLayer({
    id: 'itinerary-casing',
    type: 'line',
    source: 'itinerary',
    filter: ['==', ['get', 'mode'], 'transit'],
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': '#ffffff', 'line-width': 9 },
  });
  // Separate layers per mode: line-dasharray cannot vary per feature.
  const leg = (mode: string, color: unknown, width: number, dash?: number[]) =>
    map.addLayer({
      id: `itinerary-${mode}`,
      type: 'line',
      source: 'itinerary',
      filter: ['==', ['get', 'mode'], mode],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': color as string,
        'line-width': width,
        ...(dash ? { 'line-dasharray': dash } : {}),
      },
    });
  leg('transit', ['get', 'color'], 5);
  leg('walk', '#4a5a53', 3, [0.6, 1.6]);
  leg('moto', '#c2410c', 4);
  // Straight because no road fits: thin, long dashes, so it does not pass for the road a moto takes.
  leg('moto-approximate', '#c2410c', 2.5, [3, 2.5]);
}

import { type Map as MapLibre, Marker } from 'maplibre-gl';

export interface MapLabel {
  text: string;
  lat: number;
  lon: number;
  /** leg: a walk's or approximate moto ride's distance, on its line. */
  kind: 'station' | 'sector' | 'from' | 'to' | 'leg';
  /** Where the text sits relative to the point; default below a station, centred otherwise. */
  anchor?: 'top' | 'right' | 'left' | 'center';
}

/**
 * Labels as HTML markers: the browser renders the text with system fonts, so the offline style needs no glyph
 * PBFs (MapLibre's symbol layers would). Fine for the few dozen labels we show; stops stay unlabelled circles.
 */
export function addLabels(map: MapLibre, labels: MapLabel[]): Marker[] {
  return labels.map((l) => {
    const el = document.createElement('div');
    el.className = `kg-map-label kg-map-label--${l.kind}`;
    // A label, not a control: without a role and a name MapLibre makes it a button called "Map marker".
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', l.text);
    el.textContent = l.kind === 'from' ? 'A' : l.kind === 'to' ? 'B' : l.text;
    // A and B win over the text labels, which move aside (unclutterLabels) rather than hide under them.
    if (l.kind === 'from' || l.kind === 'to') el.dataset.mapMarker = '';
    else el.dataset.mapLabel = '';
    return new Marker({
      element: el,
      anchor: l.kind === 'station' ? 'top' : 'center',
      offset: l.kind === 'station' ? [0, 4] : [0, 0],
    })
      .setLngLat([l.lon, l.lat])
      .addTo(map);
  });
}

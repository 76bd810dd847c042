import type { Itinerary } from '@kigaligo/planner';
import { openMap, unclutterLabels, useI18n } from '@kigaligo/ui';
import type { GeoJSONSource, Map as MapLibre, Marker } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { stopHref } from '../stops/stop-route';
import { bounds, itineraryShapes, legLabels } from './itinerary-shapes';
import { addLabels, type MapLabel } from './map-labels';
import { addLayers } from './map-layers';
import type { NetworkShapes } from './network-geojson';

const KIGALI: [number, number] = [30.085, -1.952];

/**
 * The network and the selected itinerary on a MapLibre map, over the basemap the server is configured with
 * (GET /api/config: MAP_STYLE_URL or MAP_PMTILES_URL), else over our schematic, which needs nothing from the
 * network.
 */
export function RouteMap({
  shapes,
  itinerary,
  labels,
  label,
}: {
  shapes: NetworkShapes | null;
  itinerary: Itinerary | null;
  labels: MapLabel[];
  label: string;
}) {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibre | null>(null);
  const [zoom, setZoom] = useState(0);
  // What the itinerary source holds, read back from MapLibre: the e2e test checks the legs' geometry is drawn.
  const [drawnPoints, setDrawnPoints] = useState(0);
  // Sector names only from district scale in: at city scale 35 of them would cover the network.
  const near = zoom >= 11.8;

  const { lang } = useI18n();
  const langRef = useRef(lang);
  langRef.current = lang;

  useEffect(() => {
    let m: MapLibre | null = null;
    let gone = false;
    if (!container.current) return;
    openMap(container.current, '/', langRef.current, {
      center: KIGALI,
      zoom: 10.4,
      minZoom: 9,
      maxZoom: 17,
      maxBounds: [
        [29.85, -2.15],
        [30.35, -1.75],
      ],
      dragRotate: false,
      pitchWithRotate: false,
    })
      .then((opened) => {
        if (gone) return opened.map.remove();
        m = opened.map;
        m.addControl(new opened.maplibre.NavigationControl({ showCompass: false }), 'top-right');
        m.touchZoomRotate.disableRotation();
        m.on('moveend', () => setZoom(m?.getZoom() ?? 0));
        m.on('load', () => {
          if (!m) return;
          addLayers(m);
          setMap(m);
        });
        // A tapped stop opens its departures (stops are also reachable from a plan's legs, without a map).
        m.on('click', 'stops', (e) => {
          const id = e.features?.[0]?.properties?.id;
          if (typeof id === 'string') window.location.hash = stopHref(id);
        });
        m.on('mouseenter', 'stops', () => {
          if (m) m.getCanvas().style.cursor = 'pointer';
        });
        m.on('mouseleave', 'stops', () => {
          if (m) m.getCanvas().style.cursor = '';
        });
      })
      // MapLibre throws without WebGL: the plan still lists its itineraries, only the map stays empty.
      .catch(() => {});
    return () => {
      gone = true;
      setMap(null);
      m?.remove();
    };
  }, []);

  useEffect(() => {
    if (!map || !shapes) return;
    source(map, 'routes').setData(shapes.routes as Data);
    source(map, 'stops').setData(shapes.stops as Data);
  }, [map, shapes]);

  // Distances between places change with the zoom: labels a marker covered may be free again, or newly covered.
  useEffect(() => {
    const el = container.current;
    if (!map || !el) return;
    const run = () => unclutterLabels(el);
    map.on('zoomend', run);
    return () => {
      map.off('zoomend', run);
    };
  }, [map]);

  useEffect(() => {
    if (!map) return;
    const markers: Marker[] = addLabels(map, labels);
    unclutterSoon(map);
    return () => {
      for (const mk of markers) mk.remove();
    };
  }, [map, labels]);

  useEffect(() => {
    if (!map) return;
    const src = source(map, 'itinerary');
    src.setData(itineraryShapes(itinerary) as Data);
    let live = true;
    src.getData().then((data) => {
      if (live) setDrawnPoints(countPositions(data));
    });
    const markers = addLabels(map, legLabels(itinerary));
    unclutterSoon(map);
    if (itinerary) map.fitBounds(bounds(itinerary), { padding: 48, maxZoom: 15, duration: 400 });
    return () => {
      live = false;
      for (const mk of markers) mk.remove();
    };
  }, [map, itinerary]);

  // MapLibre owns the inner element's classes; ours go on the wrapper so React never overwrites them. A named
  // region, not an image: it holds the zoom buttons and the map canvas, which take focus.
  return (
    <section
      className={`kg-map${near ? ' kg-map--near' : ''}`}
      aria-label={label}
      data-ready={map ? 'true' : 'false'}
      data-zoom={zoom.toFixed(1)}
      data-itinerary-points={drawnPoints}
    >
      <div className="kg-map-canvas" ref={container} />
    </section>
  );
}

/** After MapLibre has placed newly added markers (on its next frame). */
const unclutterSoon = (map: MapLibre) => map.once('render', () => unclutterLabels(map.getContainer()));

const source = (map: MapLibre, id: string) => map.getSource(id) as GeoJSONSource;
/** Our plain shapes are valid GeoJSON; MapLibre types them with @types/geojson, which we do not import. */
type Data = Parameters<GeoJSONSource['setData']>[0];

/** Positions of the lines in a GeoJSON source's data. */
function countPositions(data: unknown): number {
  const features = (data as { features?: { geometry?: { coordinates?: unknown[] } }[] }).features ?? [];
  return features.reduce((n, f) => n + (f.geometry?.coordinates?.length ?? 0), 0);
}

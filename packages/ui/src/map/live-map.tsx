import type { LiveVehicle } from '@kigaligo/domain';
import type { Marker, Map as MlMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useLiveText, vehicleName } from './live-messages';
import { kigaliBounds, loadRouteLines, type RouteLines } from './map-data';
import { openMap } from './map-setup';
import { routesNear } from './routes-near';
import { VehicleMarkers } from './vehicle-markers';

export type MapBBox = [number, number, number, number];

export interface VehicleSelection {
  vehicle: LiveVehicle;
  /** Short names of the bus lines passing close to the vehicle ("407"), nearest first. */
  routes: string[];
}

/** A labelled place on the map (a trip's pickup and destination). */
export interface MapPin {
  lat: number;
  lon: number;
  label: string;
  kind: 'from' | 'to';
}

export interface LiveMapProps {
  vehicles: LiveVehicle[];
  /** The app's base path (`import.meta.env.BASE_URL`), where `map/` and `network/` are served. */
  base: string;
  label: string;
  /** Shown instead of the map when it cannot draw (no WebGL). */
  unavailable: string;
  selectedId?: string | null;
  onSelect?(selection: VehicleSelection | null): void;
  /** The visible area after each pan or zoom, to narrow the live feed. */
  onViewChange?(bbox: MapBBox): void;
  /** Places to mark; when given, the map opens fitted to them (and the vehicles) instead of the whole city. */
  pins?: MapPin[];
  className?: string;
}

const ROUTES = 'kg-live-routes';

/**
 * The configured basemap (map-setup.ts; the offline schematic by default) with the bus network as lines and the
 * live vehicles gliding on it.
 */
export function LiveMap(props: LiveMapProps) {
  const { base, vehicles, selectedId = null, label, unavailable, className } = props;
  const container = useRef<HTMLElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const [ready, setReady] = useState<{
    map: MlMap;
    markers: VehicleMarkers;
    Marker: typeof Marker;
  } | null>(null);
  const [failed, setFailed] = useState(false);
  const text = useLiveText();
  const textRef = useRef(text);
  textRef.current = text;

  useEffect(() => {
    let cancelled = false;
    let map: MlMap | undefined;
    let markers: VehicleMarkers | undefined;
    let lines: RouteLines | undefined;
    const select = (vehicleId: string) => {
      const vehicle = latest.current.vehicles.find((v) => v.vehicleId === vehicleId);
      if (!vehicle || !map) return;
      const routes = lines ? routesNear(lines, vehicle.lon, vehicle.lat) : [];
      latest.current.onSelect?.({ vehicle, routes });
      // Close enough to see it move (≈1 m per pixel); centred once, not followed, so the rider can pan away.
      map.easeTo({ center: [vehicle.lon, vehicle.lat], zoom: Math.max(map.getZoom(), 16), duration: 600 });
    };
    (async () => {
      if (!container.current) return;
      const around = pinBounds(latest.current.pins, latest.current.vehicles);
      const opened = await openMap(container.current, base, textRef.current.lang, {
        bounds: around ?? kigaliBounds,
        // Wide side padding around pins: their labels are centred on the place and must not be cut at the edges.
        ...(around
          ? { fitBoundsOptions: { padding: { top: 56, bottom: 32, left: 88, right: 88 }, maxZoom: 15 } }
          : {}),
      });
      // Unmounted while the style loaded: the cleanup ran before there was a map to remove.
      if (cancelled) return opened.map.remove();
      const { maplibre } = opened;
      map = opened.map;
      map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
      const m = map;
      m.on('load', () => {
        loadRouteLines(base)
          .then((data) => {
            if (cancelled) return;
            lines = data;
            m.addSource(ROUTES, { type: 'geojson', data });
            // Under the markers (HTML, always on top); the lines only give the vehicles context.
            m.addLayer({
              id: ROUTES,
              type: 'line',
              source: ROUTES,
              paint: { 'line-color': ['get', 'color'], 'line-width': 3, 'line-opacity': 0.55 },
            });
          })
          .catch(() => {});
      });
      m.on('click', () => latest.current.onSelect?.(null));
      m.on('moveend', () => {
        const b = m.getBounds();
        latest.current.onViewChange?.([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
      });
      markers = new VehicleMarkers(m, maplibre.Marker, select);
      setReady({ map: m, markers, Marker: maplibre.Marker });
    })().catch(() => {
      // MapLibre throws when WebGL is unavailable (old phones, some headless browsers).
      if (!cancelled) setFailed(true);
    });
    return () => {
      cancelled = true;
      markers?.destroy();
      map?.remove();
      setReady(null);
    };
  }, [base]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: names change with the language, read through the ref
  useEffect(
    () => ready?.markers.update(vehicles, selectedId, (v) => vehicleName(v, textRef.current.t)),
    [ready, vehicles, selectedId, text.lang],
  );

  const pinKey = JSON.stringify(props.pins ?? []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: pins are compared by value through `pinKey`
  useEffect(() => {
    if (!ready || !props.pins?.length) return;
    const added = props.pins.map((p) => {
      const el = document.createElement('div');
      el.className = `kg-live-pin kg-live-pin--${p.kind}`;
      el.dataset.testid = 'map-pin';
      el.dataset.kind = p.kind;
      el.textContent = p.label;
      // A named image, not MapLibre's default "Map marker" button: it marks a place, it does nothing.
      el.setAttribute('role', 'img');
      el.setAttribute('aria-label', textRef.current.t(`live.pin.${p.kind}`, { place: p.label }));
      // Above the point, so a vehicle waiting right there (a moto at the pickup) stays visible under it.
      return new ready.Marker({ element: el, anchor: 'bottom', offset: [0, -20] })
        .setLngLat([p.lon, p.lat])
        .addTo(ready.map);
    });
    return () => {
      for (const m of added) m.remove();
    };
  }, [ready, pinKey, text.lang]);

  return (
    <div
      className={['kg-live-map', className].filter(Boolean).join(' ')}
      data-ready={ready ? 'true' : 'false'}
    >
      {failed ? (
        <p className="kg-live-map-unavailable">{unavailable}</p>
      ) : (
        <section ref={container} className="kg-live-map-canvas" aria-label={label} />
      )}
    </div>
  );
}

/** The box around the pins and vehicles, or null without pins (then the map shows the city). */
function pinBounds(
  pins: MapPin[] | undefined,
  vehicles: LiveVehicle[],
): [[number, number], [number, number]] | null {
  if (!pins?.length) return null;
  const pts = [...pins, ...vehicles];
  const lons = pts.map((p) => p.lon);
  const lats = pts.map((p) => p.lat);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

import type { Marker, Map as MlMap } from 'maplibre-gl';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { MapBBox } from './live-map';
import { kigaliBounds } from './map-data';
import { openMap } from './map-setup';

/** A place on the map: a safety report in the admins' queue, the place a rider picked. */
export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  /** Accessible name of the marker (and its tooltip). */
  label: string;
  /** Colour class suffix, e.g. a severity level: `kg-point--critical`. */
  tone?: string;
}

export interface PointsMapProps {
  points: MapPoint[];
  /** The app's base path, where `map/` is served. */
  base: string;
  label: string;
  /** Shown instead of the map when it cannot draw (no WebGL). */
  unavailable: string;
  selectedId?: string | null;
  onSelect?(id: string): void;
  /** When given, a tap on the map picks a place (the rider's "where did it happen"). */
  onPick?(point: { lat: number; lon: number }): void;
  /** The visible area after each pan or zoom (e.g. to filter a list by area). */
  onViewChange?(bbox: MapBBox): void;
  className?: string;
}

/**
 * The configured basemap (map-setup.ts; the offline schematic by default) with HTML markers for a set of points. Markers are buttons,
 * so a keyboard can select them; their text is set with textContent, never as markup.
 */
export function PointsMap(props: PointsMapProps) {
  const { base, points, selectedId = null, label, unavailable, className } = props;
  const container = useRef<HTMLElement>(null);
  const latest = useRef(props);
  latest.current = props;
  const [ready, setReady] = useState<{ map: MlMap; Marker: typeof Marker } | null>(null);
  const [failed, setFailed] = useState(false);
  const langRef = useRef(useI18n().lang);

  useEffect(() => {
    let cancelled = false;
    let map: MlMap | undefined;
    (async () => {
      if (!container.current) return;
      const first = latest.current.points;
      const opened = await openMap(container.current, base, langRef.current, {
        bounds: pointBounds(first) ?? kigaliBounds,
        fitBoundsOptions: { padding: 48, maxZoom: 15 },
      });
      // Unmounted while the style loaded: the cleanup ran before there was a map to remove.
      if (cancelled) return opened.map.remove();
      const { maplibre } = opened;
      map = opened.map;
      map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
      const m = map;
      m.on('click', (e) => latest.current.onPick?.({ lat: e.lngLat.lat, lon: e.lngLat.lng }));
      m.on('moveend', () => {
        const b = m.getBounds();
        latest.current.onViewChange?.([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
      });
      setReady({ map: m, Marker: maplibre.Marker });
    })().catch(() => {
      // MapLibre throws when WebGL is unavailable (old phones, some headless browsers).
      if (!cancelled) setFailed(true);
    });
    return () => {
      cancelled = true;
      map?.remove();
      setReady(null);
    };
  }, [base]);

  const key = JSON.stringify(points);
  // biome-ignore lint/correctness/useExhaustiveDependencies: points are compared by value through `key`
  useEffect(() => {
    if (!ready) return;
    const markers = points.map((p) => {
      const el = document.createElement('button');
      el.type = 'button';
      el.className = `kg-point${p.tone ? ` kg-point--${p.tone}` : ''}`;
      el.dataset.testid = 'map-point';
      el.dataset.id = p.id;
      el.title = p.label;
      el.setAttribute('aria-label', p.label);
      el.setAttribute('aria-pressed', String(p.id === selectedId));
      el.addEventListener('click', (e) => {
        e.stopPropagation();
        latest.current.onSelect?.(p.id);
      });
      return new ready.Marker({ element: el }).setLngLat([p.lon, p.lat]).addTo(ready.map);
    });
    return () => {
      for (const mk of markers) mk.remove();
    };
  }, [ready, key, selectedId]);

  return (
    <div
      className={['kg-live-map', 'kg-points-map', className].filter(Boolean).join(' ')}
      data-ready={ready ? 'true' : 'false'}
      data-picking={props.onPick ? 'true' : undefined}
    >
      {failed ? (
        <p className="kg-live-map-unavailable">{unavailable}</p>
      ) : (
        <section ref={container} className="kg-live-map-canvas" aria-label={label} />
      )}
    </div>
  );
}

/** The box around the points, widened a little so a single point is not a zero-size box. */
function pointBounds(points: readonly MapPoint[]): [[number, number], [number, number]] | null {
  if (points.length === 0) return null;
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const pad = 0.004;
  return [
    [Math.min(...lons) - pad, Math.min(...lats) - pad],
    [Math.max(...lons) + pad, Math.max(...lats) + pad],
  ];
}

import type { LiveVehicle } from '@kigaligo/domain';
import type { Marker, Map as MlMap } from 'maplibre-gl';
import { MarkerMotion } from './marker-motion';

type MarkerClass = typeof Marker;

// Inline SVG, not emoji: phones (and headless browsers) without an emoji font would draw empty boxes.
const svg = (body: string) =>
  `<svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">${body}</svg>`;
const icons: Record<LiveVehicle['kind'], string> = {
  bus: svg('<rect x="4" y="3" width="16" height="15" rx="2"/><path d="M4 11h16M8 21v-3M16 21v-3"/>'),
  moto: svg(
    '<circle cx="5.5" cy="16.5" r="3.5"/><circle cx="18.5" cy="16.5" r="3.5"/><path d="M5.5 16.5 10 9h5l3.5 7.5M14 5h3l-2 4"/>',
  ),
  car: svg(
    '<path d="M3 16v-4l2.5-5h13L21 12v4z"/><circle cx="7.5" cy="16.5" r="2"/><circle cx="16.5" cy="16.5" r="2"/>',
  ),
};

/**
 * HTML markers for the live vehicles, moved by one requestAnimationFrame loop that runs only while some
 * marker is gliding (see MarkerMotion) — an idle map costs nothing.
 */
export class VehicleMarkers {
  private readonly markers = new Map<string, { marker: Marker; motion: MarkerMotion; el: HTMLElement }>();
  private frame = 0;

  constructor(
    private readonly map: MlMap,
    private readonly MarkerImpl: MarkerClass,
    private readonly onTap: (vehicleId: string) => void,
  ) {}

  /** `name` says what a marker is called (its plate, or "Moto nearby" for an anonymous one). */
  update(vehicles: LiveVehicle[], selectedId: string | null, name: (v: LiveVehicle) => string): void {
    const now = performance.now();
    const seen = new Set<string>();
    for (const v of vehicles) {
      seen.add(v.vehicleId);
      const at = Date.parse(v.recordedAt);
      let entry = this.markers.get(v.vehicleId);
      if (!entry) {
        const el = document.createElement('button');
        el.type = 'button';
        el.className = 'kg-live-marker';
        el.dataset.testid = 'live-vehicle';
        el.addEventListener('click', (e) => {
          e.stopPropagation();
          this.onTap(v.vehicleId);
        });
        const marker = new this.MarkerImpl({ element: el }).setLngLat([v.lon, v.lat]).addTo(this.map);
        entry = { marker, motion: new MarkerMotion({ lon: v.lon, lat: v.lat }, at), el };
        this.markers.set(v.vehicleId, entry);
      } else {
        entry.motion.setTarget({ lon: v.lon, lat: v.lat }, at, now);
      }
      const { el } = entry;
      // Constant markup from this module, never data from the feed.
      if (el.dataset.kind !== v.kind) el.innerHTML = icons[v.kind];
      if (v.plate === null) delete el.dataset.plate;
      else el.dataset.plate = v.plate;
      el.dataset.kind = v.kind;
      el.dataset.precision = v.precision;
      el.dataset.stale = String(v.stale);
      el.setAttribute('aria-label', name(v));
      el.setAttribute('aria-pressed', String(v.vehicleId === selectedId));
    }
    for (const [id, entry] of this.markers) {
      if (seen.has(id)) continue;
      entry.marker.remove();
      this.markers.delete(id);
    }
    this.animate();
  }

  private animate = (): void => {
    cancelAnimationFrame(this.frame);
    const now = performance.now();
    let moving = false;
    for (const { marker, motion } of this.markers.values()) {
      const p = motion.at(now);
      marker.setLngLat([p.lon, p.lat]);
      moving ||= motion.moving(now);
    }
    this.frame = moving ? requestAnimationFrame(this.animate) : 0;
  };

  destroy(): void {
    cancelAnimationFrame(this.frame);
    for (const { marker } of this.markers.values()) marker.remove();
    this.markers.clear();
  }
}

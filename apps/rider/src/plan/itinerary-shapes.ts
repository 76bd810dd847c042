import { type Itinerary, isTransitMode, type Leg } from '@kigaligo/planner';
import { distance } from './format';
import type { MapLabel } from './map-labels';
import type { FeatureCollection } from './network-geojson';

/** How a leg is drawn (map-layers.ts has one line layer per kind: a dash pattern cannot vary per feature). */
export type LegStyle = 'transit' | 'walk' | 'moto' | 'moto-approximate';

export function legStyle(leg: Leg): LegStyle {
  if (isTransitMode(leg.mode)) return 'transit';
  if (leg.mode === 'moto') return leg.approximate ? 'moto-approximate' : 'moto';
  return 'walk';
}

/**
 * The itinerary as lines for the map, each leg from the geometry the planner gives it: transit legs along their
 * road in the route's colour, moto legs along a road (or a straight, visibly different line when approximate),
 * walks straight and dashed.
 */
export function itineraryShapes(it: Itinerary | null): FeatureCollection {
  if (!it) return { type: 'FeatureCollection', features: [] };
  return {
    type: 'FeatureCollection',
    features: it.legs.map((leg) => ({
      type: 'Feature',
      properties: {
        mode: legStyle(leg),
        color: leg.route?.color ? `#${leg.route.color}` : '#0b6e4f',
      },
      geometry: { type: 'LineString', coordinates: leg.geometry.coordinates },
    })),
  };
}

/** The distance of each walk and approximate moto leg, written halfway along its line. */
export function legLabels(it: Itinerary | null): MapLabel[] {
  if (!it) return [];
  return it.legs.flatMap((leg): MapLabel[] => {
    const style = legStyle(leg);
    if (style !== 'walk' && style !== 'moto-approximate') return [];
    const coords = leg.geometry.coordinates;
    const [a, b] = [coords[0]!, coords.at(-1)!];
    const text = `${style === 'walk' ? '' : '≈ '}${distance(leg.distanceMeters)}`;
    return [{ text, lon: (a[0] + b[0]) / 2, lat: (a[1] + b[1]) / 2, kind: 'leg' }];
  });
}

/** [[west, south], [east, north]] around the itinerary's lines, for fitting the map to it. */
export function bounds(it: Itinerary): [[number, number], [number, number]] {
  const pts = it.legs.flatMap((l) => l.geometry.coordinates);
  const lons = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

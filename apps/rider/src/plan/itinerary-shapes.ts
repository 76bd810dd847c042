import { type Itinerary, isTransitMode } from '@kigaligo/planner';
import type { FeatureCollection } from './network-geojson';

/**
 * The itinerary as lines for the map: transit legs (any feed mode, drawn alike as "transit") through every stop
 * ridden, walk and moto legs straight.
 */
export function itineraryShapes(it: Itinerary | null): FeatureCollection {
  if (!it) return { type: 'FeatureCollection', features: [] };
  return {
    type: 'FeatureCollection',
    features: it.legs.map((leg) => {
      const transit = isTransitMode(leg.mode);
      const points = transit && leg.stops?.length ? leg.stops : [leg.from, leg.to];
      return {
        type: 'Feature',
        properties: {
          mode: transit ? 'transit' : leg.mode,
          color: leg.route?.color ? `#${leg.route.color}` : '#0b6e4f',
        },
        geometry: { type: 'LineString', coordinates: points.map((p) => [p.lon, p.lat]) },
      };
    }),
  };
}

/** [[west, south], [east, north]] around the itinerary, for fitting the map to it. */
export function bounds(it: Itinerary): [[number, number], [number, number]] {
  const pts = it.legs.flatMap((l) => [l.from, l.to, ...(l.stops ?? [])]);
  const lons = pts.map((p) => p.lon);
  const lats = pts.map((p) => p.lat);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}

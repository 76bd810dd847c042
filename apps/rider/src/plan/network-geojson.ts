import type { Timetable } from '@kigaligo/planner';

// Plain GeoJSON shapes (structured-cloneable, so the worker can post them).
export type Geometry =
  | { type: 'LineString'; coordinates: number[][] }
  | { type: 'Point'; coordinates: number[] };
export interface Feature {
  type: 'Feature';
  properties: Record<string, string | number>;
  geometry: Geometry;
}
export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}
export interface NetworkShapes {
  routes: FeatureCollection;
  stops: FeatureCollection;
}

/**
 * Lines through each route's stops (the feed has no shapes.txt), one per direction's longest pattern, and
 * every stop as a point. Straight segments between stops: a schematic, honest about not being road geometry.
 */
export function networkShapes(tt: Timetable): NetworkShapes {
  const longest = new Map<string, number[]>();
  for (const tpl of tt.templates) {
    const key = `${tpl.route}:${tpl.headsign}`;
    if ((longest.get(key)?.length ?? 0) < tpl.stops.length) longest.set(key, tpl.stops);
  }
  const routes: Feature[] = [];
  for (const [key, stops] of longest) {
    const route = tt.routes[Number(key.split(':')[0])];
    if (!route) continue;
    routes.push({
      type: 'Feature',
      properties: { route: route.shortName, color: `#${route.color ?? '0b6e4f'}` },
      geometry: {
        type: 'LineString',
        coordinates: stops.flatMap((i) => {
          const s = tt.stops[i];
          return s ? [[s.lon, s.lat]] : [];
        }),
      },
    });
  }
  const stops: Feature[] = tt.stops.map((s) => ({
    type: 'Feature',
    properties: { name: s.name },
    geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
  }));
  return {
    routes: { type: 'FeatureCollection', features: routes },
    stops: { type: 'FeatureCollection', features: stops },
  };
}

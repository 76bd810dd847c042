import { shapePositions, type Timetable } from '@kigaligo/planner';

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
 * One line per route direction (its longest pattern) and every stop as a point. The line follows the road
 * shape the bundle carries for it; a feed without shapes.txt gets straight segments between stops, a schematic
 * honest about not being road geometry.
 */
export function networkShapes(tt: Timetable): NetworkShapes {
  const longest = new Map<string, Timetable['templates'][number]>();
  for (const tpl of tt.templates) {
    const key = `${tpl.route}:${tpl.headsign}`;
    if ((longest.get(key)?.stops.length ?? 0) < tpl.stops.length) longest.set(key, tpl);
  }
  const routes: Feature[] = [];
  for (const tpl of longest.values()) {
    const route = tt.routes[tpl.route];
    if (!route) continue;
    const shape = tpl.shape === undefined ? undefined : tt.shapes?.[tpl.shape];
    routes.push({
      type: 'Feature',
      properties: { route: route.shortName, color: `#${route.color ?? '0b6e4f'}` },
      geometry: {
        type: 'LineString',
        coordinates: shape
          ? shapePositions(shape)
          : tpl.stops.flatMap((i) => {
              const s = tt.stops[i];
              return s ? [[s.lon, s.lat]] : [];
            }),
      },
    });
  }
  const stops: Feature[] = tt.stops.map((s) => ({
    type: 'Feature',
    // The id opens the stop's departures when the stop is tapped on the map.
    properties: { name: s.name, id: s.id },
    geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
  }));
  return {
    routes: { type: 'FeatureCollection', features: routes },
    stops: { type: 'FeatureCollection', features: stops },
  };
}

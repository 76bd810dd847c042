// Road-following shapes for the shipped feed. The Nov 2024 feed has one shapes.txt polyline per route
// direction, referenced by its trips' shape_id, but no direction_id and no stop_times; our trips come from the
// July 2024 templates. So each of our route directions gets the Nov 2024 shape of the same route that its
// stops lie along, in order: the stops are placed on each candidate in sequence, and the candidate with the
// smallest mean distance wins (the reverse direction's line runs the stops backwards and scores far worse).
// Deterministic: the same input picks the same shapes.

/** A trip's stops must all lie this close to its shape, else the build stops (a wrong or missing shape). */
const MAX_STOP_METRES = 150;
const R = 6_371_000;
const RAD = Math.PI / 180;

/** shapes.txt rows → shape id → points in shape_pt_sequence order. */
export function groupShapes(rows) {
  const shapes = new Map();
  for (const r of rows) {
    const list = shapes.get(r.shape_id) ?? [];
    list.push({
      seq: Number(r.shape_pt_sequence),
      lat: Number(r.shape_pt_lat),
      lon: Number(r.shape_pt_lon),
      lat6: r.shape_pt_lat,
      lon6: r.shape_pt_lon,
    });
    shapes.set(r.shape_id, list);
  }
  for (const list of shapes.values()) list.sort((a, b) => a.seq - b.seq);
  return shapes;
}

/** Local plane in metres around a reference latitude (Kigali spans ~30 km: the error is negligible). */
function planar(points, lat0) {
  const k = Math.cos(lat0 * RAD) * RAD * R;
  return points.map((p) => [p.lon * k, p.lat * RAD * R]);
}

/** Distance (m) from p to each segment of a polyline. */
function segmentDistances(p, line) {
  const out = [];
  for (let i = 0; i + 1 < line.length; i++) {
    const [ax, ay] = line[i];
    const [bx, by] = line[i + 1];
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / len2));
    out.push(Math.hypot(p[0] - (ax + t * dx), p[1] - (ay + t * dy)));
  }
  return out;
}

/**
 * How well a stop sequence lies along a shape, visiting it in order: each stop is placed on a segment at or
 * after the previous stop's, minimising the summed distance (dynamic programming with a running minimum), so a
 * line that passes a place twice (out and back on one road) places each stop on the right pass.
 * Returns the mean and max distance (m) of the stops from their places.
 */
export function fitAlong(stops, shape) {
  const lat0 = stops[0].lat;
  const line = planar(shape, lat0);
  const points = planar(stops, lat0);
  let cost = null;
  let worst = null;
  for (const p of points) {
    const d = segmentDistances(p, line);
    const next = new Array(d.length);
    const nextWorst = new Array(d.length);
    let bestPrev = Number.POSITIVE_INFINITY;
    let bestPrevWorst = 0;
    for (let i = 0; i < d.length; i++) {
      if (cost && cost[i] < bestPrev) {
        bestPrev = cost[i];
        bestPrevWorst = worst[i];
      }
      next[i] = (cost ? bestPrev : 0) + d[i];
      nextWorst[i] = Math.max(cost ? bestPrevWorst : 0, d[i]);
    }
    cost = next;
    worst = nextWorst;
  }
  let end = 0;
  for (let i = 1; i < cost.length; i++) if (cost[i] < cost[end]) end = i;
  return { mean: cost[end] / points.length, max: worst[end] };
}

/**
 * The shape for each of our trips' route directions. `directions` lists {key, routeId, stops: [{lat, lon}]};
 * `shapeIdsOfRoute` gives the Nov 2024 shape ids used by a route's trips. Returns key → shape id.
 */
export function matchShapes(directions, shapes, shapeIdsOfRoute) {
  const out = new Map();
  for (const d of directions) {
    const candidates = [...(shapeIdsOfRoute.get(d.routeId) ?? [])].sort();
    const ranked = candidates
      .map((id) => ({ id, ...fitAlong(d.stops, shapes.get(id)) }))
      .sort((a, b) => a.mean - b.mean);
    const best = ranked[0];
    if (!best || best.max > MAX_STOP_METRES) {
      throw new Error(
        `no shape fits route ${d.routeId} (${d.key}): ${best ? `best ${best.id}, a stop ${Math.round(best.max)} m away` : 'the route has no shapes'}`,
      );
    }
    out.set(d.key, best.id);
  }
  return out;
}

/**
 * shapes.txt rows for the shapes used, in id then sequence order. No shape_dist_traveled: our stop_times
 * distances come from the July 2024 templates, measured along other polylines, and GTFS reads both columns
 * on one scale.
 */
export function shapeRows(ids, shapes) {
  const rows = [];
  for (const id of [...new Set(ids)].sort()) {
    shapes.get(id).forEach((p, i) => {
      rows.push({ shape_id: id, shape_pt_lat: p.lat6, shape_pt_lon: p.lon6, shape_pt_sequence: i + 1 });
    });
  }
  return rows;
}

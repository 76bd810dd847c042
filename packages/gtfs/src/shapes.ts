import type { Lined, RawShapePoint } from './parse-tables';
import type { FeedIssue, Shape } from './types';

const FILE = 'shapes.txt';

/**
 * Groups shapes.txt rows into shapes in shape_pt_sequence order (rows may come in any order) and checks what
 * GTFS requires of each: sequences that strictly increase (a repeated one leaves the order of two points
 * undefined), shape_dist_traveled that never decreases along them, and at least two points to draw a line.
 * Shapes with a problem are left out; every problem is reported with its line.
 */
export function buildShapes(raw: Lined<RawShapePoint>[], issues: FeedIssue[]): Map<string, Shape> {
  const byShape = new Map<string, Lined<RawShapePoint>[]>();
  for (const p of raw) {
    const list = byShape.get(p.v.shapeId);
    if (list) list.push(p);
    else byShape.set(p.v.shapeId, [p]);
  }
  const out = new Map<string, Shape>();
  for (const [id, list] of byShape) {
    list.sort((a, b) => a.v.sequence - b.v.sequence);
    const fail = (line: number, message: string) => issues.push({ file: FILE, line, message });
    let ok = true;
    if (list.length < 2) {
      fail(list[0]!.line, `shape ${id} has fewer than two points`);
      continue;
    }
    let lastDist: number | undefined;
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!;
      if (i > 0 && p.v.sequence === list[i - 1]!.v.sequence) {
        fail(p.line, `shape ${id} repeats shape_pt_sequence ${p.v.sequence}`);
        ok = false;
      }
      if (p.v.distTraveled !== undefined) {
        if (lastDist !== undefined && p.v.distTraveled < lastDist) {
          fail(
            p.line,
            `shape ${id}: shape_dist_traveled decreases at shape_pt_sequence ${p.v.sequence} (${p.v.distTraveled} < ${lastDist})`,
          );
          ok = false;
        }
        lastDist = p.v.distTraveled;
      }
    }
    if (ok) {
      out.set(id, {
        id,
        points: list.map(({ v }) => ({
          lat: v.lat,
          lon: v.lon,
          sequence: v.sequence,
          ...(v.distTraveled === undefined ? {} : { distTraveled: v.distTraveled }),
        })),
      });
    }
  }
  return out;
}

import { isInArea, type Position, position, type ServiceArea } from '@kigaligo/domain';
import { haversine } from '@kigaligo/planner';

/** GPS clocks drift; fixes up to this far in the future are accepted as skew. */
export const CLOCK_SKEW_MS = 2 * 60 * 1000;
/** 180 km/h: faster than any bus, moto or car in Kigali traffic; a bigger jump is a bad fix, not a drive. */
export const MAX_SPEED_MS = 50;

export interface Fix {
  id: string;
  lat: number;
  lon: number;
  at: number;
}

export interface Checked {
  valid: (Position & { at: number })[];
  rejected: { id: string; reason: string }[];
}

/** Per-fix checks that need no history: shape, service area, clock. Malformed items get a reason too. */
export function checkShapes(items: unknown[], now: number, area: ServiceArea): Checked {
  const out: Checked = { valid: [], rejected: [] };
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const parsed = position.safeParse(item);
    const rawId = (item as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' ? rawId.slice(0, 80) : `#${index}`;
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      out.rejected.push({ id, reason: `malformed: ${issue.path.join('.') || 'fix'} ${issue.message}` });
      return;
    }
    const p = parsed.data;
    const at = Date.parse(p.recordedAt);
    if (!isInArea(p, area)) out.rejected.push({ id, reason: 'outside_service_area' });
    else if (at > now + CLOCK_SKEW_MS) out.rejected.push({ id, reason: 'recorded_in_future' });
    else if (!seen.has(p.id)) {
      seen.add(p.id);
      out.valid.push({ ...p, at });
    }
  });
  return out;
}

/**
 * Rejects teleports: walking the fixes in time order (merged with the vehicle's stored fixes around them),
 * a fix that would need more than MAX_SPEED_MS from the previous good fix is rejected. The good fix stays the
 * reference, so one bad fix does not poison the ones after it.
 */
export function rejectJumps(
  fixes: (Position & { at: number })[],
  stored: Fix[],
): { kept: (Position & { at: number })[]; rejected: { id: string; reason: string }[] } {
  const storedIds = new Set(stored.map((s) => s.id));
  const timeline = [
    ...stored.map((s) => ({ fix: s, incoming: null as (Position & { at: number }) | null })),
    ...fixes
      .filter((f) => !storedIds.has(f.id))
      .map((f) => ({ fix: { id: f.id, lat: f.lat, lon: f.lon, at: f.at }, incoming: f })),
  ].sort((a, b) => a.fix.at - b.fix.at);
  const kept: (Position & { at: number })[] = [];
  const rejected: { id: string; reason: string }[] = [];
  let previous: Fix | null = null;
  for (const { fix, incoming } of timeline) {
    if (previous && incoming) {
      const seconds = Math.max((fix.at - previous.at) / 1000, 1);
      const speed = haversine(previous.lat, previous.lon, fix.lat, fix.lon) / seconds;
      if (speed > MAX_SPEED_MS) {
        rejected.push({
          id: fix.id,
          reason: `implausible_jump: ${Math.round(speed)} m/s from the previous fix`,
        });
        continue;
      }
    }
    if (incoming) kept.push(incoming);
    previous = fix;
  }
  // Duplicates of stored fixes pass through untouched; the insert counts them.
  return { kept: [...kept, ...fixes.filter((f) => storedIds.has(f.id))], rejected };
}

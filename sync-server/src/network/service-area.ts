import type { ServiceArea } from '@kigaligo/domain';
import type { Timetable } from '@kigaligo/planner';

/** Margin around the feed's stops: riders start and end trips beyond the last stop, and motos go further. */
export const SERVICE_AREA_BUFFER_METERS = 10_000;

const METERS_PER_DEGREE = 111_320;

/** The box around every stop of the feed, widened by the buffer (in degrees of longitude at that latitude). */
export function serviceAreaOf(tt: Timetable, bufferMeters = SERVICE_AREA_BUFFER_METERS): ServiceArea {
  let minLat = 90;
  let maxLat = -90;
  let minLon = 180;
  let maxLon = -180;
  for (const s of tt.stops) {
    minLat = Math.min(minLat, s.lat);
    maxLat = Math.max(maxLat, s.lat);
    minLon = Math.min(minLon, s.lon);
    maxLon = Math.max(maxLon, s.lon);
  }
  const dLat = bufferMeters / METERS_PER_DEGREE;
  const widest = Math.max(Math.abs(minLat), Math.abs(maxLat));
  const dLon = bufferMeters / (METERS_PER_DEGREE * Math.max(Math.cos((widest * Math.PI) / 180), 0.01));
  const round = (x: number) => Math.round(x * 1e5) / 1e5;
  return {
    minLat: round(Math.max(-90, minLat - dLat)),
    maxLat: round(Math.min(90, maxLat + dLat)),
    minLon: round(Math.max(-180, minLon - dLon)),
    maxLon: round(Math.min(180, maxLon + dLon)),
  };
}

/** SERVICE_AREA="minLon,minLat,maxLon,maxLat" (GeoJSON bbox order, as /live takes it). */
export function parseServiceArea(text: string): ServiceArea {
  const parts = text.split(',').map((p) => Number(p.trim()));
  const [minLon, minLat, maxLon, maxLat] = parts;
  const ok =
    parts.length === 4 &&
    parts.every(Number.isFinite) &&
    minLat! >= -90 &&
    maxLat! <= 90 &&
    minLon! >= -180 &&
    maxLon! <= 180 &&
    minLat! < maxLat! &&
    minLon! < maxLon!;
  if (!ok) throw new Error(`SERVICE_AREA must be "minLon,minLat,maxLon,maxLat", got "${text}"`);
  return { minLat: minLat!, maxLat: maxLat!, minLon: minLon!, maxLon: maxLon! };
}

/**
 * GTFS times are "H:MM:SS" measured from noon minus 12 h of the service day, and may pass 24:00:00 for trips
 * running after midnight (e.g. "25:10:00"). We keep them as seconds after that origin, never as clock times.
 * Kigali has no daylight saving (UTC+2 all year), so "noon minus 12 h" is always local midnight there.
 */
export function parseGtfsTime(s: string): number | null {
  const m = /^(\d{1,3}):([0-5]\d):([0-5]\d)$/.exec(s.trim());
  if (!m) return null;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}

export function formatGtfsTime(secs: number): string {
  const s = Math.max(0, Math.round(secs));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** A GTFS date "YYYYMMDD", checked to be a real calendar day. */
export function isGtfsDate(s: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

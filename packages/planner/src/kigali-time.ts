/**
 * Kigali time: Africa/Kigali is UTC+2 all year (no daylight saving), so local time is a fixed shift of UTC
 * and needs no time-zone database — which keeps the planner pure and identical in browser and server.
 * The planner works in "service time": a GTFS service date plus seconds after its midnight (may pass 24 h).
 */
export const KIGALI_OFFSET_SECS = 2 * 3600;
export const DAY = 86_400;

export interface ServiceTime {
  /** GTFS date YYYYMMDD of the service day. */
  date: string;
  /** Seconds after that day's local midnight. */
  secs: number;
}

/** The Kigali service day and time of an instant. */
export function toServiceTime(at: Date | string): ServiceTime {
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(ms)) throw new Error(`not a date-time: ${String(at)}`);
  const local = new Date(ms + KIGALI_OFFSET_SECS * 1000);
  const date = local.toISOString().slice(0, 10).replaceAll('-', '');
  return { date, secs: local.getUTCHours() * 3600 + local.getUTCMinutes() * 60 + local.getUTCSeconds() };
}

/** Epoch milliseconds of a service time. */
export function serviceTimeToMs(t: ServiceTime): number {
  const y = Number(t.date.slice(0, 4));
  const m = Number(t.date.slice(4, 6));
  const d = Number(t.date.slice(6, 8));
  return Date.UTC(y, m - 1, d) + (t.secs - KIGALI_OFFSET_SECS) * 1000;
}

/** ISO-8601 with Kigali's +02:00 offset, e.g. 2026-11-24T08:05:00+02:00 (what riders' clocks show). */
export function toKigaliIso(t: ServiceTime): string {
  const local = new Date(serviceTimeToMs(t) + KIGALI_OFFSET_SECS * 1000);
  return `${local.toISOString().slice(0, 19)}+02:00`;
}

/** The date `days` after a GTFS date. */
export function addDays(date: string, days: number): string {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
  return new Date(ms + days * DAY * 1000).toISOString().slice(0, 10).replaceAll('-', '');
}

/** 0 = Monday … 6 = Sunday, GTFS calendar order. */
export function weekdayMon0(date: string): number {
  const ms = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
  return (new Date(ms).getUTCDay() + 6) % 7;
}

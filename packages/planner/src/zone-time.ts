/**
 * Time in the feed's zone (agency_timezone). The planner works in "service time": a GTFS service date plus
 * seconds after that day's origin. Per GTFS the origin is *noon minus 12 h* local time, not midnight: on the
 * day daylight-saving time begins or ends the two differ by an hour, and "02:30:00" on such a day means 2.5 h
 * after noon-minus-12h, whatever the wall clock says then. Offsets come from Intl (the platform's time-zone
 * database), present in browsers, workers and Node alike, so the planner stays pure.
 */
export const DAY = 86_400;

export interface ServiceTime {
  /** GTFS date YYYYMMDD of the service day. */
  date: string;
  /** Seconds after that day's origin (noon minus 12 h); may pass 24 h. */
  secs: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** True when the platform knows the IANA zone name. */
export function isKnownTimeZone(tz: string): boolean {
  try {
    formatter(tz);
    return true;
  } catch {
    return false;
  }
}

/** Local wall-clock fields of an instant in a zone. */
function wallClock(ms: number, tz: string) {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/**
 * Offsets already read, by zone and quarter hour: Intl's formatToParts was a sixth of a Kigali trip plan
 * (every leg's times are written in the zone). Zones change offset on a quarter hour of UTC (whole local hours,
 * offsets in quarter hours), so one reading holds for its quarter hour.
 */
const offsets = new Map<string, Map<number, number>>();
const QUARTER_HOUR_MS = 900_000;

/** The zone's offset from UTC at an instant, in ms (e.g. +7,200,000 for Kigali). */
export function zoneOffsetMs(ms: number, tz: string): number {
  let known = offsets.get(tz);
  if (!known) {
    known = new Map();
    offsets.set(tz, known);
  }
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  let offset = known.get(quarter);
  if (offset === undefined) {
    const at = quarter * QUARTER_HOUR_MS;
    const w = wallClock(at, tz);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - at;
    // A worker planning for months stays small: forget everything now and then.
    if (known.size >= 10_000) known.clear();
    known.set(quarter, offset);
  }
  return offset;
}

const dateParts = (date: string) =>
  [Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8))] as const;

/** Epoch ms of a service day's origin: local noon of `date` minus 12 hours. */
export function serviceDayOrigin(date: string, tz: string): number {
  const [y, m, d] = dateParts(date);
  const noonAsUtc = Date.UTC(y, m, d, 12);
  // No zone changes its offset around noon, so the offset at (noon read as UTC − that offset) is noon's.
  let noon = noonAsUtc - zoneOffsetMs(noonAsUtc, tz);
  noon = noonAsUtc - zoneOffsetMs(noon, tz);
  return noon - 12 * 3600_000;
}

const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Epoch ms of a time given as a Date, epoch ms, ISO-8601 with an offset, or a wall-clock time without one
 * ("2026-03-29T08:30", what a datetime-local input gives), which is read in the zone `tz`. A wall time that the
 * clocks skip (spring forward) lands an hour later; a repeated one (fall back) is the first of the two.
 */
export function instantMs(at: Date | string | number, tz: string): number {
  if (typeof at === 'number') return at;
  if (at instanceof Date) return at.getTime();
  const wall = WALL_TIME.exec(at);
  if (!wall) return Date.parse(at);
  const [y, mo, d, h, mi, se] = wall.slice(1).map((x) => Number(x ?? 0)) as number[];
  const asUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, se!);
  // The zone's offsets a day either side; a reading is right when the zone has that offset at that instant.
  const before = zoneOffsetMs(asUtc - DAY * 1000, tz);
  const after = zoneOffsetMs(asUtc + DAY * 1000, tz);
  const fits = [asUtc - before, asUtc - after].filter((ms) => asUtc - ms === zoneOffsetMs(ms, tz));
  return fits.length > 0 ? Math.min(...fits) : asUtc - before;
}

/** Wall-clock "YYYY-MM-DDTHH:MM" of an instant in the zone (for a datetime-local input). */
export function zonedWallTime(ms: number, tz: string): string {
  return toZonedIso(ms, tz).slice(0, 16);
}

/** The service day and time of an instant: the local calendar day, or the day before if before its origin. */
export function toServiceTime(at: Date | string | number, tz: string): ServiceTime {
  const ms = instantMs(at, tz);
  if (Number.isNaN(ms)) throw new Error(`not a date-time: ${String(at)}`);
  const w = wallClock(ms, tz);
  let date = `${w.year}${String(w.month).padStart(2, '0')}${String(w.day).padStart(2, '0')}`;
  let origin = serviceDayOrigin(date, tz);
  // On the day clocks go back, the first local hour lies before noon-minus-12h: it belongs to the day before.
  if (ms < origin) {
    date = addDays(date, -1);
    origin = serviceDayOrigin(date, tz);
  }
  return { date, secs: Math.floor((ms - origin) / 1000) };
}

/** Epoch milliseconds of a service time. */
export function serviceTimeToMs(t: ServiceTime, tz: string): number {
  return serviceDayOrigin(t.date, tz) + t.secs * 1000;
}

/** ISO-8601 with the zone's offset at that instant, e.g. 2026-11-24T08:05:00+02:00 (what riders' clocks show). */
export function toZonedIso(ms: number, tz: string): string {
  const off = zoneOffsetMs(ms, tz);
  const local = new Date(Math.floor(ms / 1000) * 1000 + off).toISOString().slice(0, 19);
  const abs = Math.abs(off) / 60_000;
  const sign = off < 0 ? '-' : '+';
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** ISO-8601 of a service time in the zone. */
export function serviceTimeIso(t: ServiceTime, tz: string): string {
  return toZonedIso(serviceTimeToMs(t, tz), tz);
}

/** Seconds from the origin of `from` to the origin of `to` (86,400 ± 3,600 across a DST change). */
export function originGapSecs(from: string, to: string, tz: string): number {
  return Math.round((serviceDayOrigin(to, tz) - serviceDayOrigin(from, tz)) / 1000);
}

/** The date `days` after a GTFS date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = dateParts(date);
  return new Date(Date.UTC(y, m, d + days)).toISOString().slice(0, 10).replaceAll('-', '');
}

/** 0 = Monday … 6 = Sunday, GTFS calendar order. */
export function weekdayMon0(date: string): number {
  const [y, m, d] = dateParts(date);
  return (new Date(Date.UTC(y, m, d)).getUTCDay() + 6) % 7;
}

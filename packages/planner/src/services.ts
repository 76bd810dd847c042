import type { Timetable } from './timetable';
import { addDays, originGapSecs, weekdayMon0 } from './zone-time';

/** Which services (calendars) run on a GTFS date: calendar days and range, then calendar_dates exceptions. */
export function activeServices(tt: Timetable, date: string): Uint8Array {
  const wd = weekdayMon0(date);
  return Uint8Array.from(tt.services, (s) => {
    if (s.removed.includes(date)) return 0;
    if (s.added.includes(date)) return 1;
    return s.days & (1 << wd) && s.start <= date && date <= s.end ? 1 : 0;
  });
}

/**
 * Service days a search on `date` must look at: the day before (its trips past 24:00 run this morning), the
 * day itself and the next one (a late search can end after midnight). Offsets are in seconds from `date`'s
 * origin to each day's origin: 86,400 on most days, 82,800 or 90,000 across a daylight-saving change.
 */
export interface DayView {
  offset: number;
  active: Uint8Array;
}
export function dayViews(tt: Timetable, date: string): DayView[] {
  return [-1, 0, 1].map((d) => {
    const day = addDays(date, d);
    return { offset: originGapSecs(date, day, tt.timezone), active: activeServices(tt, day) };
  });
}

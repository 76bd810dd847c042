import { checkReferences } from './check-references';
import {
  parseAgencies,
  parseCalendarDates,
  parseCalendars,
  parseFeedInfo,
  parseFrequencies,
  parseRoutes,
  parseShapes,
  parseStops,
  parseStopTimes,
  parseTransfers,
  parseTrips,
} from './parse-tables';
import { buildShapes } from './shapes';
import { buildStopTimes } from './stop-times';
import type { Feed, FeedIssue } from './types';

export const REQUIRED_FILES = ['agency.txt', 'stops.txt', 'routes.txt', 'trips.txt', 'stop_times.txt'];

/** Thrown by `parseFeed` when a feed is refused; `issues` holds every problem found, not just the first. */
export class FeedError extends Error {
  constructor(readonly issues: FeedIssue[]) {
    const shown = issues.slice(0, 20).map((i) => `  ${i.file}${i.line ? `:${i.line}` : ''}: ${i.message}`);
    const more = issues.length > 20 ? [`  … and ${issues.length - 20} more`] : [];
    super(
      `GTFS feed refused (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n${[...shown, ...more].join('\n')}`,
    );
    this.name = 'FeedError';
  }
}

export type ParseResult = { ok: true; feed: Feed } | { ok: false; issues: FeedIssue[] };

/**
 * Parses and validates a feed given as file name → text (names as in the zip, e.g. "stops.txt"; folders
 * inside a zip are the caller's business). Optional files may be absent. Returns every issue found.
 */
export function tryParseFeed(files: Record<string, string>): ParseResult {
  const issues: FeedIssue[] = [];
  for (const f of REQUIRED_FILES) {
    if (files[f] === undefined) issues.push({ file: f, line: 0, message: 'required file is missing' });
  }
  if (files['calendar.txt'] === undefined && files['calendar_dates.txt'] === undefined) {
    issues.push({ file: 'calendar.txt', line: 0, message: 'calendar.txt or calendar_dates.txt is required' });
  }
  const tables = {
    agencies: parseAgencies(files, issues),
    stops: parseStops(files, issues),
    routes: parseRoutes(files, issues),
    trips: parseTrips(files, issues),
    stopTimes: parseStopTimes(files, issues),
    calendars: parseCalendars(files, issues),
    calendarDates: parseCalendarDates(files, issues),
    frequencies: parseFrequencies(files, issues),
    transfers: parseTransfers(files, issues),
    shapes: parseShapes(files, issues),
    feedInfo: parseFeedInfo(files, issues),
  };
  const zones = new Set(tables.agencies.map((a) => a.v.timezone));
  if (files['agency.txt'] !== undefined && tables.agencies.length === 0 && issues.length === 0) {
    issues.push({ file: 'agency.txt', line: 0, message: 'at least one agency is required' });
  }
  if (zones.size > 1) {
    issues.push({
      file: 'agency.txt',
      line: 0,
      message: `agencies must share one agency_timezone, found ${[...zones].join(', ')}`,
    });
  }
  const stopTimesByTrip = buildStopTimes(tables.stopTimes, issues);
  const shapes = buildShapes(tables.shapes, issues);
  checkReferences(tables, issues);
  if (issues.length > 0) return { ok: false, issues };
  const v = <T>(list: { v: T }[]) => list.map((x) => x.v);
  const trips = v(tables.trips);
  return {
    ok: true,
    feed: {
      agencies: v(tables.agencies),
      stops: v(tables.stops),
      routes: v(tables.routes),
      trips,
      stopTimes: trips.flatMap((t) => stopTimesByTrip.get(t.id) ?? []),
      calendars: v(tables.calendars),
      calendarDates: v(tables.calendarDates),
      frequencies: v(tables.frequencies),
      transfers: v(tables.transfers),
      shapes: [...shapes.values()],
      feedInfo: tables.feedInfo[0]?.v,
    },
  };
}

/** Like `tryParseFeed`, but throws a `FeedError` naming each problem's file and line. */
export function parseFeed(files: Record<string, string>): Feed {
  const r = tryParseFeed(files);
  if (!r.ok) throw new FeedError(r.issues);
  return r.feed;
}

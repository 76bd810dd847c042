import { checkReferences } from './check-references';
import { CsvStream } from './csv';
import { type ParsedTables, tableReaders } from './parse-tables';
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
 * For a large feed, `parseFeedStream` reads the same files in chunks.
 */
export function tryParseFeed(files: Record<string, string>): ParseResult {
  const issues: FeedIssue[] = [];
  const { tables, readers } = tableReaders(issues);
  for (const [name, reader] of readers) {
    const text = files[name];
    if (text === undefined) continue;
    const csv = new CsvStream((r) => reader.add(r));
    csv.push(text);
    csv.end();
    reader.problems(csv.problems);
    reader.end();
  }
  return finishFeed(new Set(Object.keys(files)), tables, issues);
}

/**
 * The checks that need every file: required files present, one time zone, stop_times and shapes grouped and
 * ordered, references between files. `issues` already holds the per-row problems.
 */
export function finishFeed(present: Set<string>, tables: ParsedTables, issues: FeedIssue[]): ParseResult {
  const missing: FeedIssue[] = [];
  for (const f of REQUIRED_FILES) {
    if (!present.has(f)) missing.push({ file: f, line: 0, message: 'required file is missing' });
  }
  if (!present.has('calendar.txt') && !present.has('calendar_dates.txt')) {
    missing.push({
      file: 'calendar.txt',
      line: 0,
      message: 'calendar.txt or calendar_dates.txt is required',
    });
  }
  issues.unshift(...missing);
  const zones = new Set(tables.agencies.map((a) => a.v.timezone));
  if (present.has('agency.txt') && tables.agencies.length === 0 && issues.length === 0) {
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

import { type ApiRequest, apiGet } from '@kigaligo/client';
import type { AdminReportSummary, ReportStatus, SeverityLevel } from '@kigaligo/domain';

export type BBox = [number, number, number, number];

export interface ReportFilters {
  severity: SeverityLevel[];
  status: ReportStatus[];
  /** Kigali calendar days, `YYYY-MM-DD`, inclusive; empty = open-ended. */
  from: string;
  to: string;
  /** Only reports inside this box (the map's view), when set. */
  bbox: BBox | null;
}

/** The queue opens on what still needs someone: not yet resolved or dismissed. */
export const defaultFilters: ReportFilters = {
  severity: [],
  status: ['submitted', 'triage', 'investigating'],
  from: '',
  to: '',
  bbox: null,
};

/** Kigali is UTC+2 all year (no DST): a calendar day there starts at 22:00 UTC the day before. */
const dayStart = (day: string) => `${day}T00:00:00.000+02:00`;
const dayEnd = (day: string) => `${day}T23:59:59.999+02:00`;
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);
const bboxText = (b: BBox) => b.map((n) => n.toFixed(5)).join(',');

/** `GET /api/reports` with the filters as the API takes them (domain reportQueueQuery; lists comma-joined). */
export function queueRequest(f: ReportFilters, limit = 200): ApiRequest<'GET'> {
  return apiGet('/api/reports', {
    query: {
      severity: f.severity.length ? f.severity.join(',') : undefined,
      status: f.status.length ? f.status.join(',') : undefined,
      from: isDay(f.from) ? new Date(dayStart(f.from)).toISOString() : undefined,
      to: isDay(f.to) ? new Date(dayEnd(f.to)).toISOString() : undefined,
      bbox: f.bbox ? bboxText(f.bbox) : undefined,
      limit,
    },
  });
}

/** The cache key of a filtered queue: one saved answer per filter, for offline use. */
export const queueKey = (f: ReportFilters) => `admin-reports:${queueRequest(f).path}`;

/**
 * The same filters applied on the device, for offline: to a saved answer of a broader query, or to show
 * decisions made offline (a report resolved here leaves the "open" queue before the server confirms it).
 */
export function filterReports(reports: AdminReportSummary[], f: ReportFilters): AdminReportSummary[] {
  const from = isDay(f.from) ? Date.parse(dayStart(f.from)) : -Infinity;
  const to = isDay(f.to) ? Date.parse(dayEnd(f.to)) : Infinity;
  return reports.filter((r) => {
    if (f.severity.length && !f.severity.includes(r.severity)) return false;
    if (f.status.length && !f.status.includes(r.status)) return false;
    const at = Date.parse(r.occurredAt);
    if (at < from || at > to) return false;
    if (f.bbox) {
      if (!r.location) return false;
      const [w, s, e, n] = f.bbox;
      if (r.location.lon < w || r.location.lon > e || r.location.lat < s || r.location.lat > n) return false;
    }
    return true;
  });
}

/** Most severe first, then newest, as the server orders the queue. */
export function sortQueue(reports: AdminReportSummary[]): AdminReportSummary[] {
  return [...reports].sort(
    (a, b) => b.severityScore - a.severityScore || b.createdAt.localeCompare(a.createdAt),
  );
}

import { docName, reportDoc, useApiQuery, useClient, useRequestQueue } from '@kigaligo/client';
import {
  adminReportSummary,
  type ReportStatus,
  reportStatuses,
  type SeverityLevel,
  severityLevels,
} from '@kigaligo/domain';
import { Alert, Button, errorMessage, PointsMap } from '@kigaligo/ui';
import { useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import { kigaliTime, pendingStatuses } from './format';
import {
  type BBox,
  defaultFilters,
  filterReports,
  queueKey,
  queueRequest,
  type ReportFilters,
  sortQueue,
} from './report-filters';
import { useReportAdminI18n } from './report-messages';
import { ReportsTable } from './reports-table';

const queueResponse = z.object({ reports: z.array(adminReportSummary) });
type Queue = z.infer<typeof queueResponse>;
/** The last queue fetched with any filter: what an offline view with a new filter is cut from. */
const LAST_KEY = 'admin-reports:last';

function toggle<T>(list: T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** The review queue: filters, a map of the reports with a place, and the table. Works on a saved copy offline. */
export function ReportQueue() {
  const { t, lang } = useReportAdminI18n();
  const { cache } = useClient();
  const [filters, setFilters] = useState<ReportFilters>(defaultFilters);
  const [areaOnly, setAreaOnly] = useState(false);
  const [view, setView] = useState<BBox | null>(null);
  const effective = useMemo(() => ({ ...filters, bbox: areaOnly ? view : null }), [filters, areaOnly, view]);
  const query = useApiQuery(queueKey(effective), queueRequest(effective), queueResponse);
  const decisions = useRequestQueue();

  useEffect(() => {
    if (query.data && !query.stale && !query.loading) cache.write(LAST_KEY, query.data);
  }, [cache, query.data, query.stale, query.loading]);
  const fallback = !query.data && query.error ? cache.read<Queue>(LAST_KEY) : null;

  const waiting = useMemo(() => pendingStatuses(decisions.requests), [decisions.requests]);
  const reports = useMemo(() => {
    const source = query.data?.reports ?? fallback?.data.reports ?? [];
    // Decisions made here and not yet synced already count: a report resolved offline leaves the open queue.
    const mine = source.map((r) => {
      const status = waiting.get(docName(reportDoc(r.id))) as ReportStatus | undefined;
      return status ? { ...r, status } : r;
    });
    return sortQueue(filterReports(mine, effective));
  }, [query.data, fallback, waiting, effective]);
  const placed = reports.filter((r) => r.location);
  const savedAt =
    (query.updatedAt ?? fallback?.at)
      ? kigaliTime(new Date(query.updatedAt ?? fallback!.at).toISOString(), lang)
      : '';

  return (
    <>
      <div className="kg-admin-heading">
        <div>
          <h1>{t('reports.title')}</h1>
          <p className="kg-muted">{t('reports.subtitle')}</p>
        </div>
        <Button variant="secondary" busy={query.loading} onClick={() => void query.reload()}>
          {t('reports.refresh')}
        </Button>
      </div>
      {query.stale ? <Alert tone="info">{t('reports.stale', { time: savedAt })}</Alert> : null}
      {fallback ? <Alert tone="info">{t('reports.staleOther')}</Alert> : null}
      {query.error && !query.stale && !fallback ? (
        <Alert>{errorMessage(query.error, t).message}</Alert>
      ) : null}

      <div className="kg-toolbar kg-report-filters">
        <fieldset className="kg-chips" aria-label={t('reports.filter.severity')}>
          {severityLevels.map((s: SeverityLevel) => (
            <button
              key={s}
              type="button"
              aria-pressed={filters.severity.includes(s)}
              onClick={() => setFilters((f) => ({ ...f, severity: toggle(f.severity, s) }))}
            >
              {t(`severity.${s}`)}
            </button>
          ))}
        </fieldset>
        <fieldset className="kg-chips" aria-label={t('reports.filter.status')}>
          {reportStatuses.map((s: ReportStatus) => (
            <button
              key={s}
              type="button"
              aria-pressed={filters.status.includes(s)}
              onClick={() => setFilters((f) => ({ ...f, status: toggle(f.status, s) }))}
            >
              {t(`reportStatus.${s}`)}
            </button>
          ))}
        </fieldset>
        <label className="kg-report-date">
          {t('reports.filter.from')}
          <input
            type="date"
            className="kg-input"
            value={filters.from}
            onChange={(e) => setFilters((f) => ({ ...f, from: e.target.value }))}
          />
        </label>
        <label className="kg-report-date">
          {t('reports.filter.to')}
          <input
            type="date"
            className="kg-input"
            value={filters.to}
            onChange={(e) => setFilters((f) => ({ ...f, to: e.target.value }))}
          />
        </label>
        <label className="kg-report-area">
          <input type="checkbox" checked={areaOnly} onChange={(e) => setAreaOnly(e.target.checked)} />
          {t('reports.filter.area')}
        </label>
        <Button
          variant="ghost"
          onClick={() => {
            setFilters(defaultFilters);
            setAreaOnly(false);
          }}
        >
          {t('reports.filter.clear')}
        </Button>
        <span className="kg-muted kg-toolbar-count">{t('reports.count', { count: reports.length })}</span>
      </div>

      <PointsMap
        base={import.meta.env.BASE_URL}
        label={t('reports.map')}
        unavailable={t('reports.mapUnavailable')}
        points={placed.map((r) => ({
          id: r.id,
          lat: r.location!.lat,
          lon: r.location!.lon,
          tone: r.severity,
          label: `${t(`severity.${r.severity}`)} · ${t(`reportCategory.${r.category}`)}`,
        }))}
        onSelect={(id) => {
          window.location.hash = `#/reports/${id}`;
        }}
        onViewChange={setView}
      />
      {reports.length > placed.length ? (
        <p className="kg-muted kg-small">{t('reports.noPlace', { count: reports.length - placed.length })}</p>
      ) : null}

      {query.loading && !query.data && !fallback ? (
        <p className="kg-muted">{t('reports.loading')}</p>
      ) : (
        <ReportsTable reports={reports} waiting={waiting} />
      )}
    </>
  );
}

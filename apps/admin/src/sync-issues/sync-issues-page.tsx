import '../trips/trips.css';
import { apiGet, useApiQuery } from '@kigaligo/client';
import { type SyncIssue, syncIssuesResponse } from '@kigaligo/domain';
import { Alert, Button, errorMessage } from '@kigaligo/ui';
import { useState } from 'react';
import { type AdminKey, useAdminI18n } from '../messages';
import { adminTime } from '../trips/admin-format';

type Filter = 'all' | SyncIssue['state'];
const filters: Filter[] = ['all', 'rejected', 'retrying', 'stuck'];
const stateClass: Record<SyncIssue['state'], string> = {
  rejected: 'kg-status-down',
  retrying: 'kg-warn-text',
  stuck: 'kg-warn-text',
};

export const syncIssuesRequest = (filter: Filter) =>
  apiGet('/api/admin/sync-issues', { query: { limit: 200, ...(filter === 'all' ? {} : { state: filter }) } });

/** Sync issues (SS12): synced entries the server rejected or is retrying, and documents stuck unreconciled. */
export function SyncIssuesPage() {
  const { t, lang } = useAdminI18n();
  const [filter, setFilter] = useState<Filter>('all');
  const query = useApiQuery(`admin-sync-issues-${filter}`, syncIssuesRequest(filter), syncIssuesResponse);
  const issues = query.data?.issues ?? [];
  const counts = query.data?.counts;
  return (
    <>
      <div className="kg-admin-heading">
        <div>
          <h1>{t('syncIssues.title')}</h1>
          <p className="kg-muted">{t('syncIssues.subtitle')}</p>
        </div>
        <Button variant="secondary" busy={query.loading} onClick={() => void query.reload()}>
          {t('syncIssues.refresh')}
        </Button>
      </div>
      {query.error && !query.stale ? <Alert>{errorMessage(query.error, t).message}</Alert> : null}
      <div className="kg-toolbar">
        <fieldset className="kg-chips" aria-label={t('syncIssues.filter')}>
          {filters.map((f) => (
            <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}>
              {t(f === 'all' ? 'syncIssues.all' : `syncIssues.state.${f}`)}
            </button>
          ))}
        </fieldset>
        {counts ? (
          <span className="kg-muted kg-toolbar-count" data-testid="sync-issue-counts">
            {t('syncIssues.counts', counts)}
          </span>
        ) : null}
      </div>
      {query.loading && !query.data ? (
        <p className="kg-muted">{t('syncIssues.loading')}</p>
      ) : issues.length === 0 ? (
        <p className="kg-table-empty">{t('syncIssues.none')}</p>
      ) : (
        <div className="kg-table-wrap">
          <table className="kg-table">
            <thead>
              <tr>
                <th scope="col">{t('syncIssues.col.since')}</th>
                <th scope="col">{t('syncIssues.col.user')}</th>
                <th scope="col">{t('syncIssues.col.what')}</th>
                <th scope="col">{t('syncIssues.col.state')}</th>
                <th scope="col">{t('syncIssues.col.code')}</th>
                <th scope="col">{t('syncIssues.col.attempts')}</th>
                <th scope="col">{t('syncIssues.col.last')}</th>
              </tr>
            </thead>
            <tbody>
              {issues.map((i) => (
                <tr key={`${i.docName} ${i.entryKey}`} data-testid="sync-issue" data-state={i.state}>
                  <td className="kg-nowrap">{adminTime(i.since, lang)}</td>
                  <td>{i.userName ?? i.userId ?? '—'}</td>
                  <th scope="row" className="kg-outbox-what">
                    {i.entryKey === '*'
                      ? t('syncIssues.what.whole', { doc: i.docName })
                      : `${i.docName} · ${i.entryKey}`}
                  </th>
                  <td>
                    <span className={stateClass[i.state]}>{t(`syncIssues.state.${i.state}`)}</span>
                  </td>
                  <td>
                    {i.code ? t(`syncIssues.code.${i.code}` as AdminKey) : '—'}
                    {i.message ? <p className="kg-muted kg-small">{i.message}</p> : null}
                  </td>
                  <td>{i.attempts}</td>
                  <td className="kg-nowrap">{i.lastAttemptAt ? adminTime(i.lastAttemptAt, lang) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

import { apiGet, useApiQuery } from '@kigaligo/client';
import { syncIssuesResponse } from '@kigaligo/domain';
import { Card } from '@kigaligo/ui';
import { useAdminI18n } from '../messages';
import { hrefFor } from '../use-hash-route';

/** The counts of sync issues for the console's home (SS12): rejected, retrying and stuck. */
export function SyncIssuesCard() {
  const { t } = useAdminI18n();
  const query = useApiQuery(
    'admin-sync-issues-all',
    apiGet('/api/admin/sync-issues', { query: { limit: 200 } }),
    syncIssuesResponse,
  );
  const counts = query.data?.counts;
  return (
    <Card title={t('syncIssues.summary')} className="kg-admin-form-card">
      <p data-testid="home-sync-issue-counts">{counts ? t('syncIssues.counts', counts) : '—'}</p>
      <a href={hrefFor('sync-issues')}>{t('syncIssues.open')} →</a>
    </Card>
  );
}

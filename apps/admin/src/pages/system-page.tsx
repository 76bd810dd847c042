import { apiGet, useApiQuery } from '@kigaligo/client';
import { AccountSecurityCard, Button, Card, MfaCard } from '@kigaligo/ui';
import { z } from 'zod';
import { useAdminI18n } from '../messages';
import { SyncIssuesCard } from '../sync-issues/sync-issues-card';

const health = z.object({ status: z.string(), db: z.string(), version: z.string() });

export function SystemPage() {
  const { t, lang } = useAdminI18n();
  const query = useApiQuery('health', apiGet('/api/health'), health);
  const ok = !query.error && query.data?.status === 'ok';
  const checked = query.updatedAt
    ? new Intl.DateTimeFormat(lang === 'rw' ? 'rw-RW' : 'en-GB', { timeStyle: 'medium' }).format(
        query.updatedAt,
      )
    : '—';
  return (
    <>
      <div className="kg-admin-heading">
        <div>
          <h1>{t('system.title')}</h1>
          <p className="kg-muted">{t('system.subtitle')}</p>
        </div>
        <Button variant="secondary" busy={query.loading} onClick={() => void query.reload()}>
          {t('system.check')}
        </Button>
      </div>
      <Card className="kg-admin-form-card">
        <dl className="kg-details kg-details--row">
          <div>
            <dt>{t('system.api')}</dt>
            <dd>
              <span className={ok ? 'kg-status-active' : 'kg-status-down'}>
                {ok ? t('system.ok') : t('system.down')}
              </span>
            </dd>
          </div>
          <div>
            <dt>{t('system.db')}</dt>
            <dd>{query.data?.db ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('system.version')}</dt>
            <dd>{query.data?.version ?? '—'}</dd>
          </div>
        </dl>
        <p className="kg-muted kg-small">{t('system.checked', { time: checked })}</p>
      </Card>
      <SyncIssuesCard />
      <div className="kg-admin-form-card">
        <AccountSecurityCard />
      </div>
      <div className="kg-admin-form-card">
        <MfaCard />
      </div>
    </>
  );
}

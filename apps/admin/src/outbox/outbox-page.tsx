import '../trips/trips.css';
import { apiRequest, useApiQuery, useClient } from '@kigaligo/client';
import { Alert, actionErrorMessage, Button, errorMessage } from '@kigaligo/ui';
import { useState } from 'react';
import { type AdminKey, useAdminI18n } from '../messages';
import { OutboxTable } from './outbox-table';
import { type Filter, outboxList, outboxRequest } from './outbox-view';

const filters: { value: Filter; label: AdminKey }[] = [
  { value: 'all', label: 'outbox.all' },
  { value: 'sent', label: 'outbox.sent' },
  { value: 'retrying', label: 'outbox.retrying' },
  { value: 'dead', label: 'outbox.dead' },
];

/** The transactional outbox for admins: what went to providers (or the sandbox), what retries, what died. */
export function OutboxPage() {
  const { t } = useAdminI18n();
  const { api } = useClient();
  const [filter, setFilter] = useState<Filter>('all');
  const query = useApiQuery(`admin-outbox-${filter}`, outboxRequest(filter), outboxList);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [retrying, setRetrying] = useState<string | null>(null);

  const retry = async (id: string) => {
    setRetrying(id);
    setNotice(null);
    try {
      await api.request(apiRequest('post', '/api/admin/outbox/{id}/retry', { path: { id } }));
      setNotice({ tone: 'success', text: t('outbox.retried') });
      await query.reload();
    } catch (err) {
      setNotice({ tone: 'error', text: actionErrorMessage(err, t) });
    } finally {
      setRetrying(null);
    }
  };

  const messages = query.data?.messages ?? [];
  return (
    <>
      <div className="kg-admin-heading">
        <div>
          <h1>{t('outbox.title')}</h1>
          <p className="kg-muted">{t('outbox.subtitle')}</p>
        </div>
        <Button variant="secondary" busy={query.loading} onClick={() => void query.reload()}>
          {t('outbox.refresh')}
        </Button>
      </div>
      {query.error && !query.stale ? <Alert>{errorMessage(query.error, t).message}</Alert> : null}
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <div className="kg-toolbar">
        <fieldset className="kg-chips" aria-label={t('outbox.filter')}>
          {filters.map((f) => (
            <button
              key={f.value}
              type="button"
              aria-pressed={filter === f.value}
              onClick={() => setFilter(f.value)}
            >
              {t(f.label)}
            </button>
          ))}
        </fieldset>
        <span className="kg-muted kg-toolbar-count">{t('outbox.count', { count: messages.length })}</span>
      </div>
      {query.loading && !query.data ? (
        <p className="kg-muted">{t('outbox.loading')}</p>
      ) : (
        <OutboxTable messages={messages} retrying={retrying} onRetry={(id) => void retry(id)} />
      )}
    </>
  );
}

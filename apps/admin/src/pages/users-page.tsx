import { apiGet, useApiQuery } from '@kigaligo/client';
import { type Role, user } from '@kigaligo/domain';
import { Alert, Button, errorMessage } from '@kigaligo/ui';
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { type AdminKey, useAdminI18n } from '../messages';
import { SyncIssuesCard } from '../sync-issues/sync-issues-card';
import { UsersTable } from './users-table';

const usersResponse = z.object({ users: z.array(user) });
const filters: { value: Role | 'all'; label: AdminKey }[] = [
  { value: 'all', label: 'users.all' },
  { value: 'rider', label: 'users.riders' },
  { value: 'driver', label: 'users.drivers' },
  { value: 'admin', label: 'users.admins' },
];

export function UsersPage() {
  const { t, lang } = useAdminI18n();
  const query = useApiQuery('admin-users', apiGet('/api/admin/users'), usersResponse);
  const [role, setRole] = useState<Role | 'all'>('all');
  const [search, setSearch] = useState('');
  const all = query.data?.users ?? [];
  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    return all.filter(
      (u) =>
        (role === 'all' || u.role === role) &&
        (!needle || [u.name, u.email, u.phone ?? ''].some((f) => f.toLowerCase().includes(needle))),
    );
  }, [all, role, search]);
  const savedAt = query.updatedAt
    ? new Intl.DateTimeFormat(lang === 'rw' ? 'rw-RW' : 'en-GB', { timeStyle: 'short' }).format(
        query.updatedAt,
      )
    : '';

  return (
    <>
      <div className="kg-admin-heading">
        <div>
          <h1>{t('users.title')}</h1>
          <p className="kg-muted">{t('users.subtitle')}</p>
        </div>
        <Button variant="secondary" busy={query.loading} onClick={() => void query.reload()}>
          {t('users.refresh')}
        </Button>
      </div>
      <SyncIssuesCard />
      {query.stale ? <Alert tone="info">{t('users.stale', { time: savedAt })}</Alert> : null}
      {query.error && !query.stale ? <Alert>{errorMessage(query.error, t).message}</Alert> : null}
      <div className="kg-toolbar">
        <input
          type="search"
          className="kg-input kg-toolbar-search"
          placeholder={t('users.search')}
          aria-label={t('users.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        <fieldset className="kg-chips" aria-label={t('users.filter')}>
          {filters.map((f) => (
            <button
              key={f.value}
              type="button"
              aria-pressed={role === f.value}
              onClick={() => setRole(f.value)}
            >
              {t(f.label)}
            </button>
          ))}
        </fieldset>
        <span className="kg-muted kg-toolbar-count">
          {t('users.count', { shown: shown.length, total: all.length })}
        </span>
      </div>
      {query.loading && !query.data ? (
        <p className="kg-muted">{t('users.loading')}</p>
      ) : (
        <UsersTable users={shown} onChanged={() => void query.reload()} />
      )}
    </>
  );
}

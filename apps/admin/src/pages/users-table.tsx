import type { User } from '@kigaligo/domain';
import { formatDate } from '@kigaligo/ui';
import { useAdminI18n } from '../messages';

export function UsersTable({ users }: { users: User[] }) {
  const { t, lang } = useAdminI18n();
  if (users.length === 0) return <p className="kg-table-empty">{t('users.none')}</p>;
  return (
    <div className="kg-table-wrap">
      <table className="kg-table">
        <thead>
          <tr>
            <th scope="col">{t('users.col.name')}</th>
            <th scope="col">{t('users.col.email')}</th>
            <th scope="col">{t('users.col.phone')}</th>
            <th scope="col">{t('users.col.role')}</th>
            <th scope="col">{t('users.col.status')}</th>
            <th scope="col">{t('users.col.joined')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id}>
              <th scope="row">{u.name}</th>
              <td>{u.email}</td>
              <td className="kg-nowrap">{u.phone ?? <span className="kg-muted">—</span>}</td>
              <td>
                <span className={`kg-badge kg-badge--${u.role}`}>{t(`role.${u.role}`)}</span>
              </td>
              <td>
                {u.suspended ? (
                  <span className="kg-badge kg-badge--danger">{t('users.suspended')}</span>
                ) : (
                  <span className="kg-status-active">{t('users.active')}</span>
                )}
              </td>
              <td className="kg-nowrap">{formatDate(u.createdAt, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

import { useSession } from '@kigaligo/client';
import type { User } from '@kigaligo/domain';
import { formatDate } from '@kigaligo/ui';
import { useAdminI18n } from '../messages';
import { RoleChange } from './role-change';

/** Every account; a driver or admin other than oneself can be given the other staff role. */
export function UsersTable({ users, onChanged }: { users: User[]; onChanged: () => void }) {
  const { t, lang } = useAdminI18n();
  const me = useSession()?.user.id;
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
            <th scope="col">{t('users.col.change')}</th>
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
              <td>
                {u.role !== 'rider' && u.id !== me ? <RoleChange user={u} onChanged={onChanged} /> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

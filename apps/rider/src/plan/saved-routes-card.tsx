import { Card, NotSent } from '@kigaligo/ui';
import type { Chosen } from './place-field';
import type { NotSentRoute } from './saved-route-entries';
import { usePlanI18n } from './use-plan-i18n';
import type { SavedEntry } from './use-saved-routes';

const toChosen = (p: SavedEntry['origin']): Chosen => ({ label: p.label ?? '', lat: p.lat, lon: p.lon });

/**
 * Saved routes with one tap to plan them again; the server's confirmation shows as "Synced", and a route it
 * rejected as "Not sent: <reason>" with "Edit and send again" (back into the planner, to save again).
 */
export function SavedRoutesCard({
  routes,
  notSent,
  onUse,
  onEdit,
  onDelete,
}: {
  routes: SavedEntry[];
  notSent: NotSentRoute[];
  onUse(from: Chosen, to: Chosen): void;
  onEdit(route: NotSentRoute): void;
  onDelete(id: string): void;
}) {
  const { t } = usePlanI18n();
  return (
    <Card title={t('saved.title')} className="kg-saved">
      {notSent.length > 0 ? (
        <ul className="kg-saved-list" data-testid="not-sent-routes">
          {notSent.map((n) => (
            <li key={n.key} className="kg-not-sent-item" data-testid="not-sent-route">
              <span className="kg-saved-name">{n.name ?? t('saved.unnamed')}</span>
              <NotSent rejection={n.rejection} onEdit={() => onEdit(n)} onDiscard={() => onDelete(n.key)} />
            </li>
          ))}
        </ul>
      ) : null}
      {routes.length === 0 && notSent.length === 0 ? (
        <p className="kg-muted">{t('saved.empty')}</p>
      ) : routes.length === 0 ? null : (
        <ul className="kg-saved-list" data-testid="saved-routes">
          {routes.map((r) => (
            <li key={r.id} className="kg-saved-item">
              <button
                type="button"
                className="kg-saved-use"
                onClick={() => onUse(toChosen(r.origin), toChosen(r.destination))}
              >
                <span className="kg-saved-name">{r.name}</span>
                <span className="kg-saved-state">
                  {r.serverSavedAt ? t('saved.synced') : t('saved.waiting')}
                </span>
              </button>
              <button
                type="button"
                className="kg-icon-button"
                aria-label={t('saved.delete', { name: r.name })}
                onClick={() => onDelete(r.id)}
              >
                <svg
                  width="18"
                  height="18"
                  viewBox="0 0 24 24"
                  fill="none"
                  stroke="currentColor"
                  strokeWidth="2"
                  aria-hidden="true"
                >
                  <path
                    d="M4 7h16M10 11v6M14 11v6M6 7l1 13h10l1-13M9 7V4h6v3"
                    strokeLinecap="round"
                    strokeLinejoin="round"
                  />
                </svg>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

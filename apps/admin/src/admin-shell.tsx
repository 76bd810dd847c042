import { useClient, useLanguageOnServer, useProfileSync } from '@kigaligo/client';
import type { User } from '@kigaligo/domain';
import {
  Avatar,
  Button,
  ConnectivityBadge,
  LanguageSwitch,
  Logo,
  OfflineBanner,
  SyncStatus,
} from '@kigaligo/ui';
import type { ReactNode } from 'react';
import { AuditPage } from './audit/audit-page';
import { type AdminKey, useAdminI18n } from './messages';
import { OutboxPage } from './outbox/outbox-page';
import { AddDriverPage } from './pages/add-driver-page';
import { FleetPage } from './pages/fleet-page';
import { SystemPage } from './pages/system-page';
import { UsersPage } from './pages/users-page';
import { ReportsPage } from './reports/reports-page';
import { SyncIssuesPage } from './sync-issues/sync-issues-page';
import { TripsPage } from './trips/trips-page';
import { hrefFor, type Route, useHashRoute } from './use-hash-route';

const nav: { route: Route; label: AdminKey; icon: ReactNode }[] = [
  {
    route: 'users',
    label: 'nav.users',
    icon: <path d="M16 19v-1a4 4 0 0 0-8 0v1M12 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z" />,
  },
  { route: 'add-driver', label: 'nav.addDriver', icon: <path d="M12 5v14M5 12h14" /> },
  {
    route: 'fleet',
    label: 'nav.fleet',
    icon: <path d="M3 17h2m14 0h2M5 17V9l2-4h10l2 4v8M5 17a2 2 0 1 0 4 0m6 0a2 2 0 1 0 4 0M5 11h14" />,
  },
  { route: 'system', label: 'nav.system', icon: <path d="M4 12h4l2-5 4 10 2-5h4" /> },
  {
    route: 'trips',
    label: 'nav.trips',
    icon: (
      <path d="M6 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4Zm12-10a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM8 17h5a3 3 0 0 0 3-3V9" />
    ),
  },
  { route: 'outbox', label: 'nav.outbox', icon: <path d="M4 13h4l2 3h4l2-3h4M4 13l2-8h12l2 8v6H4z" /> },
  {
    route: 'reports',
    label: 'nav.reports',
    icon: <path d="M12 3 5 6v5c0 4.4 3 8.3 7 10 4-1.7 7-5.6 7-10V6zM12 8v5M12 16v.5" />,
  },
  { route: 'audit', label: 'nav.audit', icon: <path d="M8 4h8l3 3v13H5V4h3M9 11h6M9 15h6M9 7h3" /> },
  {
    route: 'sync-issues',
    label: 'nav.syncIssues',
    icon: <path d="M4 12a8 8 0 0 1 14-5.3M20 12a8 8 0 0 1-14 5.3M18 3v4h-4M6 21v-4h4M12 9v4M12 16v.5" />,
  },
];

/** Desktop-first: a fixed side nav with the sections, collapsing to a top bar on narrow screens. */
export function AdminShell({ user }: { user: User }) {
  const { auth } = useClient();
  const { t, lang } = useAdminI18n();
  // What the server writes to this admin (email) follows the language chosen in the console.
  useLanguageOnServer(lang);
  const route = useHashRoute();
  useProfileSync();
  return (
    <div className="kg-admin">
      <aside className="kg-admin-side">
        <Logo product={t('app.product')} />
        <nav aria-label={t('nav.label')}>
          <ul className="kg-admin-nav">
            {nav.map((item) => (
              <li key={item.route}>
                <a href={hrefFor(item.route)} aria-current={route === item.route ? 'page' : undefined}>
                  <svg
                    width="20"
                    height="20"
                    viewBox="0 0 24 24"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="2"
                    aria-hidden="true"
                  >
                    {item.icon}
                  </svg>
                  {t(item.label)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {/* Renders only while a synced document (e.g. a safety report) is open on this screen. */}
        <SyncStatus className="kg-admin-sync" />
        <div className="kg-admin-me">
          <Avatar name={user.name} />
          <div>
            <p className="kg-admin-me-name">{user.name}</p>
            <p className="kg-admin-me-email">{user.email}</p>
          </div>
        </div>
      </aside>
      <div className="kg-admin-main">
        <div className="kg-admin-top">
          <ConnectivityBadge />
          <LanguageSwitch />
          <Button variant="secondary" onClick={() => void auth.logout()}>
            {t('auth.signOut')}
          </Button>
        </div>
        <OfflineBanner />
        <main className="kg-admin-content">
          {route === 'users' ? (
            <UsersPage />
          ) : route === 'add-driver' ? (
            <AddDriverPage />
          ) : route === 'fleet' ? (
            <FleetPage />
          ) : route === 'trips' ? (
            <TripsPage />
          ) : route === 'outbox' ? (
            <OutboxPage />
          ) : route === 'reports' ? (
            <ReportsPage />
          ) : route === 'audit' ? (
            <AuditPage />
          ) : route === 'sync-issues' ? (
            <SyncIssuesPage />
          ) : (
            <SystemPage />
          )}
        </main>
      </div>
    </div>
  );
}

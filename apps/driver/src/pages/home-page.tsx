import { useProfileSync } from '@kigaligo/client';
import type { User } from '@kigaligo/domain';
import { AccountSecurityCard, AppHeader, greetingKey, ProfileCard, SettingsCard } from '@kigaligo/ui';
import { AssignmentsCard } from '../assignments/assignments-card';
import { useDriverI18n } from '../messages';
import { DriverTracking } from '../tracking/driver-tracking';
import { ShiftCard } from './shift-card';

export function HomePage({ user }: { user: User }) {
  const { t } = useDriverI18n();
  useProfileSync();
  const firstName = user.name.split(/\s+/)[0] ?? user.name;
  return (
    <>
      <AppHeader product={t('app.product')} />
      <main className="kg-page">
        <div>
          <h1 className="kg-hero-title">
            {t(greetingKey())}, {firstName}
          </h1>
          <p className="kg-hero-text">{t('home.subtitle')}</p>
        </div>
        <ShiftCard />
        <AssignmentsCard />
        <DriverTracking />
        <ProfileCard user={user} />
        <AccountSecurityCard />
        <SettingsCard />
      </main>
    </>
  );
}

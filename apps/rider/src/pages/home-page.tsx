import { useEvidence, useEvidenceUploads, useProfileSync } from '@kigaligo/client';
import type { User } from '@kigaligo/domain';
import {
  AccountSecurityCard,
  AppHeader,
  greetingKey,
  MfaCard,
  NotificationsCard,
  OfflineMapCard,
  ProfileCard,
  SettingsCard,
} from '@kigaligo/ui';
import { BookRideLink, TripsCard } from '../booking/home-booking';
import { SavedCardsCard } from '../booking/saved-cards-card';
import { useRiderI18n } from '../messages';
import { SafetyLink } from '../reports/safety-link';
import { useRiderPreferences } from '../use-rider-preferences';
import { PlacesCard } from './places-card';

function RouteIcon() {
  return (
    <svg
      width="28"
      height="28"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <circle cx="6" cy="19" r="2.5" />
      <circle cx="18" cy="5" r="2.5" />
      <path d="M8.5 19H14a4 4 0 0 0 4-4V7.5" strokeLinecap="round" />
    </svg>
  );
}

export function HomePage({ user, onPlan }: { user: User; onPlan(): void }) {
  const { t } = useRiderI18n();
  useProfileSync();
  const prefs = useRiderPreferences();
  // Safety-report photos waiting to upload are unsent work too: signing out asks first.
  const evidenceWaiting = useEvidenceUploads(useEvidence()).waiting;
  const firstName = user.name.split(/\s+/)[0] ?? user.name;
  return (
    <>
      <AppHeader />
      <main className="kg-page">
        <div>
          <h1 className="kg-hero-title">
            {t(greetingKey())}, {firstName}
          </h1>
          <p className="kg-hero-text">{t('home.subtitle')}</p>
        </div>
        <button type="button" className="kg-plan-cta" onClick={onPlan}>
          <span className="kg-plan-cta-icon">
            <RouteIcon />
          </span>
          <span className="kg-plan-cta-text">
            <span className="kg-plan-cta-title">{t('plan.open')}</span>
            <span className="kg-plan-cta-hint">{t('plan.openHint')}</span>
          </span>
          <span aria-hidden="true" className="kg-plan-cta-arrow">
            →
          </span>
        </button>
        <BookRideLink />
        <TripsCard emptyIcon={<RouteIcon />} />
        <SafetyLink />
        <PlacesCard value={prefs.value} update={prefs.update} ready={prefs.ready} />
        <ProfileCard user={user} />
        <NotificationsCard />
        <SavedCardsCard />
        <AccountSecurityCard />
        <MfaCard />
        <OfflineMapCard base={import.meta.env.BASE_URL} />
        <SettingsCard
          onLanguageChange={(language) => prefs.update({ language })}
          otherUnsent={evidenceWaiting}
        />
      </main>
    </>
  );
}

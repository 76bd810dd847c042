import { useProfileSync, useVehicleTracker } from '@kigaligo/client';
import type { User } from '@kigaligo/domain';
import {
  AccountSecurityCard,
  AppHeader,
  greetingKey,
  MfaCard,
  OfflineMapCard,
  ProfileCard,
  SettingsCard,
} from '@kigaligo/ui';
import { AssignmentsCard } from '../assignments/assignments-card';
import { useAssignments } from '../assignments/use-assignments';
import { useDriverI18n } from '../messages';
import { DriverStatusCard } from '../status/driver-status-card';
import { useRideAvailability } from '../status/use-ride-availability';
import { useVehicleShift } from '../status/use-vehicle-shift';
import { TrackingCard } from '../tracking/tracking-card';
import { useResumeSharing } from '../tracking/use-resume-sharing';

export function HomePage({ user }: { user: User }) {
  const { t } = useDriverI18n();
  useProfileSync();
  // One shift, one tracker (and outbox), one switch and one copy of the rides for every card.
  const shift = useVehicleShift();
  const { tracker, status } = useVehicleTracker();
  useResumeSharing(tracker, shift.vehicle?.id);
  const availability = useRideAvailability();
  const rides = useAssignments();
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
        <DriverStatusCard
          shift={shift}
          availability={availability}
          assignments={rides.assignments}
          tracker={tracker}
          tracking={status}
        />
        <AssignmentsCard rides={rides} vehicleId={shift.vehicle?.id ?? null} />
        <TrackingCard vehicle={shift.vehicle} tracker={tracker} status={status} />
        <ProfileCard user={user} />
        <AccountSecurityCard />
        <MfaCard />
        <OfflineMapCard base={import.meta.env.BASE_URL} />
        <SettingsCard />
      </main>
    </>
  );
}

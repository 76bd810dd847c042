import { useSession } from '@kigaligo/client';
import { UpdatePrompt } from '@kigaligo/ui/update-prompt';
import { lazy, Suspense, useState } from 'react';
import { useBookingRoute } from './booking/booking-route';
import { LiveLink } from './live/live-link';
import { LivePage } from './live/live-page';
import { useLiveRoute } from './live/use-live-route';
import { HomePage } from './pages/home-page';
import { RegisterPage } from './pages/register-page';
import { SignInPage } from './pages/sign-in-page';
import { useReportRoute } from './reports/report-route';
import { ReportsKeeper } from './reports/reports-keeper';
import { useHashScreen } from './use-hash-screen';

// The planner screen (MapLibre, ~800 KiB) loads on first use; the service worker precaches it all the same.
const PlanPage = lazy(() => import('./pages/plan-page').then((m) => ({ default: m.PlanPage })));
// Booking screens (place search, the live map) load the same way.
const BookingScreens = lazy(() =>
  import('./booking/booking-screens').then((m) => ({ default: m.BookingScreens })),
);
// Safety report screens too (the place picker loads MapLibre on its own when opened).
const ReportScreens = lazy(() =>
  import('./reports/report-screens').then((m) => ({ default: m.ReportScreens })),
);

export function App() {
  const session = useSession();
  const [screen, setScreen] = useState<'sign-in' | 'register'>('sign-in');
  const [signedIn, go] = useHashScreen();
  const live = useLiveRoute();
  const booking = useBookingRoute();
  const report = useReportRoute();
  return (
    <>
      {session && live ? (
        <LivePage />
      ) : session && booking ? (
        <Suspense fallback={null}>
          <BookingScreens route={booking} />
        </Suspense>
      ) : session && report ? (
        <Suspense fallback={null}>
          <ReportScreens route={report} />
        </Suspense>
      ) : session ? (
        signedIn === 'plan' ? (
          <Suspense fallback={null}>
            <PlanPage onBack={() => go('home')} />
          </Suspense>
        ) : (
          <HomePage user={session.user} onPlan={() => go('plan')} />
        )
      ) : screen === 'sign-in' ? (
        <SignInPage onRegister={() => setScreen('register')} />
      ) : (
        <RegisterPage onSignIn={() => setScreen('sign-in')} />
      )}
      {session && !live && !booking && !report && signedIn === 'home' ? <LiveLink /> : null}
      {/* Keeps sent reports syncing and their files uploading whatever the screen. */}
      {session ? <ReportsKeeper /> : null}
      <UpdatePrompt />
    </>
  );
}

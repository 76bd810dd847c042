import { useSession } from '@kigaligo/client';
import { ResetPasswordPage, useResetLink, whenIdle } from '@kigaligo/ui';
import { UpdatePrompt } from '@kigaligo/ui/update-prompt';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useBookingRoute } from './booking/booking-route';
import { ForegroundPushBanner } from './foreground-push';
import { LiveLink } from './live/live-link';
import { useLiveRoute } from './live/use-live-route';
import { RegisterPage } from './pages/register-page';
import { SignInPage } from './pages/sign-in-page';
import { useReportRoute } from './reports/report-route';
import { useStopRoute } from './stops/stop-route';
import { useHashScreen } from './use-hash-screen';

// A first visit is always signed out: the signed-in screens (sync, IndexedDB, the booking and report stores)
// load after the sign-in screen has painted, and are fetched once the page is idle so signing in does not wait.
const loadHome = () => import('./pages/home-page');
const HomePage = lazy(() => loadHome().then((m) => ({ default: m.HomePage })));
const LivePage = lazy(() => import('./live/live-page').then((m) => ({ default: m.LivePage })));
const ReportsKeeper = lazy(() =>
  import('./reports/reports-keeper').then((m) => ({ default: m.ReportsKeeper })),
);
// The planner screen (MapLibre, ~800 KiB) loads on first use; the service worker precaches it all the same.
const PlanPage = lazy(() => import('./pages/plan-page').then((m) => ({ default: m.PlanPage })));
// Booking screens (place search, the live map) load the same way.
const BookingScreens = lazy(() =>
  import('./booking/booking-screens').then((m) => ({ default: m.BookingScreens })),
);
// A stop's departures (its offline fallback loads the planner bundle only when the server cannot answer).
const StopPage = lazy(() => import('./stops/stop-page').then((m) => ({ default: m.StopPage })));
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
  const stop = useStopRoute();
  // A password-reset link from an email opens its screen, signed in or not.
  const [resetToken, resetDone] = useResetLink();
  useEffect(() => (session ? undefined : whenIdle(() => void loadHome())), [session]);
  return (
    <>
      {session ? <ForegroundPushBanner /> : null}
      {resetToken ? (
        <ResetPasswordPage token={resetToken} onDone={resetDone} />
      ) : session && live ? (
        <Suspense fallback={null}>
          <LivePage />
        </Suspense>
      ) : session && booking ? (
        <Suspense fallback={null}>
          <BookingScreens route={booking} />
        </Suspense>
      ) : session && stop ? (
        <Suspense fallback={null}>
          <StopPage stopId={stop} />
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
          <Suspense fallback={null}>
            <HomePage user={session.user} onPlan={() => go('plan')} />
          </Suspense>
        )
      ) : screen === 'sign-in' ? (
        <SignInPage onRegister={() => setScreen('register')} />
      ) : (
        <RegisterPage onSignIn={() => setScreen('sign-in')} />
      )}
      {session && !resetToken && !live && !booking && !report && !stop && signedIn === 'home' ? (
        <LiveLink />
      ) : null}
      {/* Keeps sent reports syncing and their files uploading whatever the screen. */}
      {session ? (
        <Suspense fallback={null}>
          <ReportsKeeper />
        </Suspense>
      ) : null}
      <UpdatePrompt />
    </>
  );
}

import { useSession } from '@kigaligo/client';
import { UpdatePrompt } from '@kigaligo/ui/update-prompt';
import { lazy, Suspense, useState } from 'react';
import { LiveLink } from './live/live-link';
import { LivePage } from './live/live-page';
import { useLiveRoute } from './live/use-live-route';
import { HomePage } from './pages/home-page';
import { RegisterPage } from './pages/register-page';
import { SignInPage } from './pages/sign-in-page';
import { useHashScreen } from './use-hash-screen';

// The planner screen (MapLibre, ~800 KiB) loads on first use; the service worker precaches it all the same.
const PlanPage = lazy(() => import('./pages/plan-page').then((m) => ({ default: m.PlanPage })));

export function App() {
  const session = useSession();
  const [screen, setScreen] = useState<'sign-in' | 'register'>('sign-in');
  const [signedIn, go] = useHashScreen();
  const live = useLiveRoute();
  return (
    <>
      {session && live ? (
        <LivePage />
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
      {session && !live && signedIn === 'home' ? <LiveLink /> : null}
      <UpdatePrompt />
    </>
  );
}

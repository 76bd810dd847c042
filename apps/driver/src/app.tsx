import { useSession } from '@kigaligo/client';
import { whenIdle } from '@kigaligo/ui';
import { UpdatePrompt } from '@kigaligo/ui/update-prompt';
import { lazy, Suspense, useEffect } from 'react';
import { SignInPage } from './pages/sign-in-page';

// A first visit is always signed out: the signed-in screens (sync, GPS outbox, IndexedDB) load after the
// sign-in screen has painted, and are fetched once the page is idle so signing in does not wait for them.
const loadHome = () => import('./pages/home-page');
const HomePage = lazy(() => loadHome().then((m) => ({ default: m.HomePage })));

export function App() {
  const session = useSession();
  useEffect(() => (session ? undefined : whenIdle(() => void loadHome())), [session]);
  return (
    <>
      {session ? (
        <Suspense fallback={null}>
          <HomePage user={session.user} />
        </Suspense>
      ) : (
        <SignInPage />
      )}
      <UpdatePrompt />
    </>
  );
}

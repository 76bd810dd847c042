import { useSession } from '@kigaligo/client';
import { whenIdle } from '@kigaligo/ui';
import { UpdatePrompt } from '@kigaligo/ui/update-prompt';
import { lazy, Suspense, useEffect } from 'react';
import { SignInPage } from './pages/sign-in-page';

// A first visit is always signed out: the console's pages load after the sign-in screen has painted, and are
// fetched once the page is idle so signing in does not wait for them.
const loadShell = () => import('./admin-shell');
const AdminShell = lazy(() => loadShell().then((m) => ({ default: m.AdminShell })));

export function App() {
  const session = useSession();
  useEffect(() => (session ? undefined : whenIdle(() => void loadShell())), [session]);
  return (
    <>
      {session ? (
        <Suspense fallback={null}>
          <AdminShell user={session.user} />
        </Suspense>
      ) : (
        <SignInPage />
      )}
      <UpdatePrompt />
    </>
  );
}

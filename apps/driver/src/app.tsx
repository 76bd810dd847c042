import { useSession } from '@kigaligo/client';
import { ResetPasswordPage, useResetLink, whenIdle } from '@kigaligo/ui';
import { UpdatePrompt } from '@kigaligo/ui/update-prompt';
import { lazy, Suspense, useEffect } from 'react';
import { useDriverI18n } from './messages';
import { SignInPage } from './pages/sign-in-page';

// A first visit is always signed out: the signed-in screens (sync, GPS outbox, IndexedDB) load after the
// sign-in screen has painted, and are fetched once the page is idle so signing in does not wait for them.
const loadHome = () => import('./pages/home-page');
const HomePage = lazy(() => loadHome().then((m) => ({ default: m.HomePage })));

export function App() {
  const session = useSession();
  const { t } = useDriverI18n();
  // A password-reset link from an email opens its screen, signed in or not.
  const [resetToken, resetDone] = useResetLink();
  useEffect(() => (session ? undefined : whenIdle(() => void loadHome())), [session]);
  return (
    <>
      {resetToken ? (
        <ResetPasswordPage product={t('app.product')} token={resetToken} onDone={resetDone} />
      ) : session ? (
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

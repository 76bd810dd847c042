import { useSession } from '@kigaligo/client';
import { MfaEnrolmentScreen, ResetPasswordPage, useResetLink, whenIdle } from '@kigaligo/ui';
import { UpdatePrompt } from '@kigaligo/ui/update-prompt';
import { lazy, Suspense, useEffect } from 'react';
import { useAdminI18n } from './messages';
import { SignInPage } from './pages/sign-in-page';

// A first visit is always signed out: the console's pages load after the sign-in screen has painted, and are
// fetched once the page is idle so signing in does not wait for them.
const loadShell = () => import('./admin-shell');
const AdminShell = lazy(() => loadShell().then((m) => ({ default: m.AdminShell })));

export function App() {
  const session = useSession();
  const { t } = useAdminI18n();
  // A password-reset link from an email opens its screen, signed in or not.
  const [resetToken, resetDone] = useResetLink();
  useEffect(() => (session ? undefined : whenIdle(() => void loadShell())), [session]);
  return (
    <>
      {resetToken ? (
        <ResetPasswordPage product={t('app.product')} token={resetToken} onDone={resetDone} />
      ) : session?.mfaEnrolmentRequired ? (
        // ADMIN_MFA=required and no factor yet: the server accepts this session on the MFA routes only.
        <MfaEnrolmentScreen product={t('app.product')} />
      ) : session ? (
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

import { useClient, useMfa, useSession } from '@kigaligo/client';
import { useState } from 'react';
import { actionErrorMessage } from '../../forms/action-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../alert';
import { AuthLayout } from '../auth-layout';
import { Button } from '../button';
import { mfaMessages } from './mfa-messages';
import { TotpEnrolment } from './totp-enrolment';

/**
 * What an admin sees under ADMIN_MFA=required until a second factor is set up: the server accepts the session's
 * token on the MFA routes only, so nothing else of the app is shown. Confirming refreshes into a full session.
 */
export function MfaEnrolmentScreen({ product }: { product?: string | undefined }) {
  const { auth } = useClient();
  const { lang, t: common } = useI18n();
  const t = mfaMessages[lang];
  const session = useSession();
  const mfa = useMfa();
  // The factor is on even if this refresh fails (offline): say so, and Done tries again.
  const [error, setError] = useState<string | null>(null);
  const finish = () => {
    setError(null);
    mfa.finishEnrolment().catch((err: unknown) => setError(actionErrorMessage(err, common)));
  };
  return (
    <AuthLayout
      product={product}
      title={t.enrolTitle}
      subtitle={t.enrolIntro}
      footer={
        <Button variant="ghost" block onClick={() => void auth.logout()}>
          {t.signOut}
        </Button>
      }
    >
      {error ? <Alert>{error}</Alert> : null}
      <TotpEnrolment
        start={mfa.start}
        confirm={mfa.confirm}
        account={session?.user.email ?? ''}
        onDone={finish}
      />
    </AuthLayout>
  );
}

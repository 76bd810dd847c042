import { passkeysSupported, useClient, useMfa, useSession } from '@kigaligo/client';
import { useState } from 'react';
import { actionErrorMessage } from '../../forms/action-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../alert';
import { AuthLayout } from '../auth-layout';
import { Button } from '../button';
import { mfaMessages } from './mfa-messages';
import { passkeyErrorMessage } from './passkey-error';
import { RecoveryCodesView } from './recovery-codes-view';
import { TotpEnrolment } from './totp-enrolment';

/**
 * What an admin sees under ADMIN_MFA=required until a second factor is set up (an authenticator app or a passkey):
 * the server accepts the session's token on the MFA and passkey routes only, so nothing else of the app is shown.
 * Confirming refreshes into a full session.
 */
export function MfaEnrolmentScreen({ product }: { product?: string | undefined }) {
  const { auth } = useClient();
  const { lang, t: common } = useI18n();
  const t = mfaMessages[lang];
  const session = useSession();
  const mfa = useMfa();
  // The factor is on even if this refresh fails (offline): say so, and Done tries again.
  const [error, setError] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const finish = () => {
    setError(null);
    mfa.finishEnrolment().catch((err: unknown) => setError(actionErrorMessage(err, common)));
  };
  const addPasskey = async () => {
    setError(null);
    setBusy(true);
    try {
      const first = await mfa.addPasskey();
      // The first factor brings recovery codes to save before going on; without any, the passkey was not the first.
      if (first) setCodes(first);
      else finish();
    } catch (err) {
      setError(passkeyErrorMessage(err, lang) ?? actionErrorMessage(err, common));
    } finally {
      setBusy(false);
    }
  };
  const account = session?.user.email ?? '';
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
      {codes ? (
        <RecoveryCodesView codes={codes} account={account} onDone={finish} />
      ) : (
        <>
          <TotpEnrolment start={mfa.start} confirm={mfa.confirm} account={account} onDone={finish} />
          {passkeysSupported() ? (
            <Button variant="secondary" block busy={busy} onClick={() => void addPasskey()}>
              {t.enrolPasskey}
            </Button>
          ) : null}
        </>
      )}
    </AuthLayout>
  );
}

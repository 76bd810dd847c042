import { passkeysSupported, useClient } from '@kigaligo/client';
import { loginInput, type MfaChallenge } from '@kigaligo/domain';
import { useState } from 'react';
import { errorMessage } from '../forms/error-message';
import { useZodForm } from '../forms/use-zod-form';
import { useI18n } from '../i18n/i18n-context';
import { Alert } from './alert';
import { Button } from './button';
import { MfaChallengeForm } from './mfa/mfa-challenge-form';
import { mfaMessages } from './mfa/mfa-messages';
import { passkeyErrorMessage } from './mfa/passkey-error';
import { TextField } from './text-field';

export interface SignInFormProps {
  /** Message for an account of another role, e.g. a driver in the rider app. */
  wrongRoleMessage: string;
  /** Opens the "Forgot password?" screen. */
  onForgotPassword: () => void;
}

export function SignInForm({ wrongRoleMessage, onForgotPassword }: SignInFormProps) {
  const { auth } = useClient();
  const { t, lang } = useI18n();
  // With a second factor on, the password step answers a challenge: the code step replaces the form until
  // it signs in or sends the person back (expired: with a note saying why).
  const [challenge, setChallenge] = useState<MfaChallenge | null>(null);
  const [expired, setExpired] = useState(false);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  const [passkeyError, setPasskeyError] = useState<string | null>(null);
  const form = useZodForm(loginInput, { email: '', password: '' }, t, {
    wrongRole: wrongRoleMessage,
    signIn: true,
  });
  if (challenge) {
    return (
      <MfaChallengeForm
        challenge={challenge}
        wrongRoleMessage={wrongRoleMessage}
        onBack={(wasExpired) => {
          setChallenge(null);
          setExpired(wasExpired);
        }}
      />
    );
  }
  const signIn = async (input: { email: string; password: string }) => {
    setExpired(false);
    setPasskeyError(null);
    setChallenge(await auth.login(input));
  };
  // A passkey needs no email: the device offers this site's passkeys and the server knows whose each one is.
  const signInWithPasskey = async () => {
    setExpired(false);
    setPasskeyError(null);
    setPasskeyBusy(true);
    try {
      await auth.signInWithPasskey();
    } catch (err) {
      setPasskeyError(
        passkeyErrorMessage(err, lang) ?? errorMessage(err, t, { wrongRole: wrongRoleMessage }).message,
      );
      setPasskeyBusy(false);
    }
  };
  return (
    <form className="kg-form" noValidate onSubmit={form.onSubmit(signIn)}>
      {form.formError ? <Alert>{form.formError}</Alert> : null}
      {passkeyError && !form.formError ? <Alert>{passkeyError}</Alert> : null}
      {expired && !form.formError ? <Alert>{mfaMessages[lang].expired}</Alert> : null}
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="username"
        inputMode="email"
        {...form.field('email')}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        {...form.field('password')}
      />
      <Button type="submit" block busy={form.submitting}>
        {form.submitting ? t('auth.wait') : t('auth.signIn')}
      </Button>
      {passkeysSupported() ? (
        <Button variant="secondary" block busy={passkeyBusy} onClick={() => void signInWithPasskey()}>
          {mfaMessages[lang].signInPasskey}
        </Button>
      ) : null}
      <button type="button" className="kg-link-button" onClick={onForgotPassword}>
        {t('reset.forgot')}
      </button>
    </form>
  );
}

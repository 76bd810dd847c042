import { ApiRequestError, useClient, WrongRoleError } from '@kigaligo/client';
import type { MfaChallenge } from '@kigaligo/domain';
import { type FormEvent, useState } from 'react';
import { actionErrorMessage } from '../../forms/action-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../alert';
import { Button } from '../button';
import { TextField } from '../text-field';
import { mfaAnswerFrom, mfaMessages } from './mfa-messages';

/**
 * The second step of sign-in: the code from the authenticator app, or (switched to) a recovery code. An expired
 * or already used challenge sends the person back to the password (`onBack(true)`).
 */
export function MfaChallengeForm(props: {
  challenge: MfaChallenge;
  onBack: (expired: boolean) => void;
  /** Message for an account of another role, as at the password step. */
  wrongRoleMessage: string;
}) {
  const { auth } = useClient();
  const { lang, t: common } = useI18n();
  const t = mfaMessages[lang];
  const canRecover = props.challenge.methods.includes('recovery_code');
  const [mode, setMode] = useState<'totp' | 'recovery'>('totp');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const answer = mfaAnswerFrom(typed);
    if (!answer || 'code' in answer !== (mode === 'totp')) {
      setError({ field: mode === 'totp' ? t.codeFormat : t.recoveryFormat });
      return;
    }
    setError({});
    setBusy(true);
    try {
      await auth.answerMfa(props.challenge.challengeToken, answer);
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'mfa_challenge_invalid') return props.onBack(true);
      if (err instanceof WrongRoleError) setError({ form: props.wrongRoleMessage });
      else if (err instanceof ApiRequestError && err.code === 'wrong_code') setError({ field: t.wrongCode });
      else setError({ form: actionErrorMessage(err, common) });
      setBusy(false);
    }
  };
  const switchMode = () => {
    setMode(mode === 'totp' ? 'recovery' : 'totp');
    setTyped('');
    setError({});
  };
  return (
    <form className="kg-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t.challengeTitle}>
      <h2 className="kg-card-subtitle">{t.challengeTitle}</h2>
      <p className="kg-muted">{mode === 'totp' ? t.challengeIntro : t.challengeRecovery}</p>
      {error.form ? <Alert>{error.form}</Alert> : null}
      {mode === 'totp' ? (
        <TextField
          key="totp"
          label={t.code}
          error={error.field}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="one-time-code"
          inputMode="numeric"
          pattern="[0-9 ]*"
          maxLength={7}
          autoFocus
        />
      ) : (
        <TextField
          key="recovery"
          label={t.recoveryCode}
          error={error.field}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={40}
          autoFocus
        />
      )}
      <Button type="submit" block busy={busy}>
        {t.verify}
      </Button>
      {canRecover ? (
        <Button variant="ghost" block onClick={switchMode}>
          {mode === 'totp' ? t.useRecovery : t.useCode}
        </Button>
      ) : null}
      <Button variant="ghost" block onClick={() => props.onBack(false)}>
        {t.back}
      </Button>
    </form>
  );
}

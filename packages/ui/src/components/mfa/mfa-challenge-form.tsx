import {
  ApiRequestError,
  type MfaAnswer,
  passkeysSupported,
  useClient,
  WrongRoleError,
} from '@kigaligo/client';
import type { MfaChallenge } from '@kigaligo/domain';
import { type FormEvent, useState } from 'react';
import { actionErrorMessage } from '../../forms/action-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../alert';
import { Button } from '../button';
import { TextField } from '../text-field';
import { mfaAnswerFrom, mfaMessages } from './mfa-messages';
import { passkeyErrorMessage } from './passkey-error';

type Mode = 'totp' | 'passkey' | 'recovery';

/**
 * The second step of sign-in: the code from the authenticator app, a passkey on this device, or (switched to) a
 * recovery code. An expired or already used challenge sends the person back to the password (`onBack(true)`).
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
  const { methods, passkey } = props.challenge;
  const offered: Mode[] = [];
  if (methods.includes('totp')) offered.push('totp');
  if (methods.includes('passkey') && passkey && passkeysSupported()) offered.push('passkey');
  if (methods.includes('recovery_code')) offered.push('recovery');
  const [mode, setMode] = useState<Mode>(offered[0] ?? 'totp');
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let answer: MfaAnswer | null;
    if (mode === 'passkey' && passkey) {
      answer = { passkey };
    } else {
      answer = mfaAnswerFrom(typed);
      if (!answer || 'code' in answer !== (mode === 'totp')) {
        setError({ field: mode === 'totp' ? t.codeFormat : t.recoveryFormat });
        return;
      }
    }
    setError({});
    setBusy(true);
    try {
      await auth.answerMfa(props.challenge.challengeToken, answer);
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'mfa_challenge_invalid') return props.onBack(true);
      if (err instanceof WrongRoleError) setError({ form: props.wrongRoleMessage });
      else if (mode === 'passkey')
        setError({
          form:
            err instanceof ApiRequestError && err.code === 'wrong_code'
              ? t.passkeyRejected
              : (passkeyErrorMessage(err, lang) ?? actionErrorMessage(err, common)),
        });
      else if (err instanceof ApiRequestError && err.code === 'wrong_code') setError({ field: t.wrongCode });
      else setError({ form: actionErrorMessage(err, common) });
      setBusy(false);
    }
  };
  const switchTo = (next: Mode) => {
    setMode(next);
    setTyped('');
    setError({});
  };
  const switchLabel: Record<Mode, string> = {
    totp: t.useCode,
    passkey: t.usePasskey,
    recovery: t.useRecovery,
  };
  const intro: Record<Mode, string> = {
    totp: t.challengeIntro,
    passkey: t.challengePasskey,
    recovery: t.challengeRecovery,
  };
  return (
    <form className="kg-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t.challengeTitle}>
      <h2 className="kg-card-subtitle">{t.challengeTitle}</h2>
      <p className="kg-muted">{intro[mode]}</p>
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
      ) : mode === 'recovery' ? (
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
      ) : null}
      <Button type="submit" block busy={busy}>
        {mode === 'passkey' ? t.usePasskey : t.verify}
      </Button>
      {offered
        .filter((m) => m !== mode)
        .map((m) => (
          <Button key={m} variant="ghost" block onClick={() => switchTo(m)}>
            {switchLabel[m]}
          </Button>
        ))}
      <Button variant="ghost" block onClick={() => props.onBack(false)}>
        {t.back}
      </Button>
    </form>
  );
}

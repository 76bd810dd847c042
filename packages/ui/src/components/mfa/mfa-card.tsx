import { ApiRequestError, useMfa, useOnline, useSession } from '@kigaligo/client';
import { type FormEvent, type ReactNode, useState } from 'react';
import { actionErrorMessage } from '../../forms/action-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../alert';
import { Button } from '../button';
import { Card } from '../card';
import { TextField } from '../text-field';
import { mfaMessages } from './mfa-messages';
import { PasskeysSection } from './passkeys-section';
import { RecoveryCodesView } from './recovery-codes-view';
import { TotpEnrolment } from './totp-enrolment';

/**
 * Two-step sign-in in every app's settings: set up an authenticator app, add or remove passkeys, and with a factor
 * on, replace the recovery codes or turn the app off (both ask for the password again, as the server does).
 */
export function MfaCard() {
  const { lang } = useI18n();
  const t = mfaMessages[lang];
  const online = useOnline();
  const session = useSession();
  const mfa = useMfa();
  const [mode, setMode] = useState<'idle' | 'enrol' | { codes: string[] }>('idle');
  const account = session?.user.email ?? '';
  const status = mfa.status;
  let body: ReactNode;
  if (mode === 'enrol') {
    body = (
      <TotpEnrolment
        start={mfa.start}
        confirm={mfa.confirm}
        account={account}
        onDone={() => setMode('idle')}
        onCancel={() => setMode('idle')}
      />
    );
  } else if (mode !== 'idle') {
    body = <RecoveryCodesView codes={mode.codes} account={account} onDone={() => setMode('idle')} />;
  } else if (status) {
    const anyFactor = status.totp || status.passkeys.length > 0;
    body = (
      <>
        <p data-testid="mfa-state">{status.totp ? t.on : anyFactor ? t.onPasskeys : t.off}</p>
        {status.required ? <p className="kg-muted kg-small">{t.required}</p> : null}
        {status.totp ? null : (
          <Button variant="secondary" block disabled={!online} onClick={() => setMode('enrol')}>
            {t.setUp}
          </Button>
        )}
        <PasskeysSection
          passkeys={status.passkeys}
          disabled={!online}
          canRemoveLast={!status.required || status.totp}
          add={mfa.addPasskey}
          remove={mfa.removePasskey}
          onCodes={(codes) => setMode({ codes })}
        />
        {anyFactor ? (
          <>
            <p className="kg-muted kg-small">
              {t.codesLeft}: {status.recoveryCodesLeft}
            </p>
            <ReauthForm
              disabled={!online}
              canDisable={status.totp && (!status.required || status.passkeys.length > 0)}
              disableLabel={status.passkeys.length > 0 ? t.disableApp : t.disable}
              onRegenerate={async (password) => setMode({ codes: await mfa.regenerate(password) })}
              onDisable={mfa.disable}
            />
          </>
        ) : null}
      </>
    );
  }
  return (
    <Card title={t.title}>
      <p className="kg-muted">{t.intro}</p>
      {!online ? <p className="kg-muted kg-small">{t.offline}</p> : null}
      {body}
    </Card>
  );
}

function ReauthForm(props: {
  disabled: boolean;
  canDisable: boolean;
  disableLabel: string;
  onRegenerate: (password: string) => Promise<void>;
  onDisable: (password: string) => Promise<void>;
}) {
  const { lang, t: common } = useI18n();
  const t = mfaMessages[lang];
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const run = async (e: FormEvent | null, work: (password: string) => Promise<void>) => {
    e?.preventDefault();
    setError({});
    setBusy(true);
    try {
      await work(password);
      setPassword('');
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'wrong_password')
        setError({ field: t.wrongPassword });
      else setError({ form: actionErrorMessage(err, common) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="kg-form" onSubmit={(e) => void run(e, props.onRegenerate)} aria-label={t.regenerate}>
      {error.form ? <Alert>{error.form}</Alert> : null}
      <TextField
        label={t.password}
        type="password"
        autoComplete="current-password"
        value={password}
        error={error.field}
        onChange={(e) => setPassword(e.target.value)}
      />
      <p className="kg-muted kg-small">{t.regenerateIntro}</p>
      <div className="kg-button-row">
        <Button type="submit" variant="secondary" busy={busy} disabled={props.disabled || !password}>
          {t.regenerate}
        </Button>
        {props.canDisable ? (
          <Button
            variant="ghost"
            disabled={props.disabled || !password || busy}
            onClick={() => void run(null, props.onDisable)}
          >
            {props.disableLabel}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

import { ApiRequestError } from '@kigaligo/client';
import type { TotpEnrolment as Enrolment } from '@kigaligo/domain';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { actionErrorMessage } from '../../forms/action-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../alert';
import { Button } from '../button';
import { TextField } from '../text-field';
import { mfaMessages } from './mfa-messages';
import { QrCode } from './qr-code';
import { RecoveryCodesView } from './recovery-codes-view';

export interface TotpEnrolmentProps {
  start: () => Promise<Enrolment>;
  confirm: (code: string) => Promise<string[]>;
  /** The account name written on the recovery codes file. */
  account: string;
  /** After the recovery codes were saved. */
  onDone: () => void;
  onCancel?: (() => void) | undefined;
}

/** Setting up an authenticator app: QR code and key, a first code to confirm, then the recovery codes once. */
export function TotpEnrolment(props: TotpEnrolmentProps) {
  const { lang, t: common } = useI18n();
  const t = mfaMessages[lang];
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const { start } = props;
  // Each start replaces the pending secret on the server: start once, or the QR shown could be a stale one.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    start()
      .then(setEnrolment)
      .catch((err: unknown) => setError({ form: actionErrorMessage(err, common) }));
  }, [start, common]);

  if (codes) return <RecoveryCodesView codes={codes} account={props.account} onDone={props.onDone} />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const typed = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(typed)) {
      setError({ field: t.codeFormat });
      return;
    }
    setError({});
    setBusy(true);
    try {
      setCodes(await props.confirm(typed));
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'wrong_code') setError({ field: t.wrongCode });
      else setError({ form: actionErrorMessage(err, common) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="kg-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t.setUp}>
      {error.form ? <Alert>{error.form}</Alert> : null}
      {enrolment ? (
        <>
          <p>{t.scan}</p>
          <QrCode text={enrolment.otpauthUri} label={t.qrLabel} />
          <p className="kg-muted kg-small">{t.manual}</p>
          <p>
            <code className="kg-secret" data-testid="totp-secret">
              {enrolment.secret.replace(/(.{4})(?=.)/g, '$1 ')}
            </code>
          </p>
          <TextField
            label={t.code}
            hint={t.codeHint}
            error={error.field}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="one-time-code"
            inputMode="numeric"
            pattern="[0-9 ]*"
            maxLength={7}
          />
          <Button type="submit" block busy={busy}>
            {t.confirm}
          </Button>
        </>
      ) : error.form ? null : (
        <span className="kg-spinner" aria-hidden="true" />
      )}
      {props.onCancel ? (
        <Button variant="ghost" block onClick={props.onCancel}>
          {t.cancel}
        </Button>
      ) : null}
    </form>
  );
}

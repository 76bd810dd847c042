import { ApiRequestError, useClient, useOnline, useSession, useSessions } from '@kigaligo/client';
import type { SessionInfo } from '@kigaligo/domain';
import { type FormEvent, useState } from 'react';
import { actionErrorMessage } from '../forms/action-error';
import { type Lang, useI18n } from '../i18n/i18n-context';
import { Alert } from './alert';
import { Button } from './button';
import { Card } from './card';
import { formatDate } from './profile-card';
import { TextField } from './text-field';

// The card's own strings, kept next to it so every app that shows it gets both languages.
const en = {
  title: 'Signed-in devices',
  intro: 'Where your account is signed in. Sign out a device you no longer use or do not recognise.',
  thisDevice: 'This device',
  lastUsed: 'Last used',
  signOut: 'Sign out',
  everywhere: 'Sign out everywhere',
  offline: 'Connect to the internet to see and manage your devices.',
  unknownApp: 'KigaliGo',
  rider: 'KigaliGo rider app',
  driver: 'KigaliGo driver app',
  admin: 'KigaliGo admin',
  passwordTitle: 'Change password',
  current: 'Current password',
  next: 'New password',
  change: 'Change password',
  changed: 'Password changed. Your other devices were signed out.',
  wrongCurrent: 'This is not your current password.',
  setTitle: 'Set a password',
  setIntro:
    'You sign in with your identity provider. To also sign in with a password, we will email you a link to set one. It works for 30 minutes.',
  setSend: 'Email me a link',
  setSent: 'Link sent to {email}. Setting the password signs out your other devices.',
};
const rw: Record<keyof typeof en, string> = {
  title: 'Ibikoresho winjiriyemo',
  intro: 'Aho konti yawe yinjiriwemo. Sohoka ku gikoresho utagikoresha cyangwa utazi.',
  thisDevice: 'Iki gikoresho',
  lastUsed: 'Cyakoreshejwe bwa nyuma',
  signOut: 'Sohoka',
  everywhere: 'Sohoka ahantu hose',
  offline: 'Jya kuri interineti kugira ngo ubone kandi ucunge ibikoresho byawe.',
  unknownApp: 'KigaliGo',
  rider: "Porogaramu ya KigaliGo y'abagenzi",
  driver: "Porogaramu ya KigaliGo y'abashoferi",
  admin: 'Ubuyobozi bwa KigaliGo',
  passwordTitle: "Hindura ijambo ry'ibanga",
  current: "Ijambo ry'ibanga usanzwe ukoresha",
  next: "Ijambo ry'ibanga rishya",
  change: "Hindura ijambo ry'ibanga",
  changed: "Ijambo ry'ibanga ryahinduwe. Ibindi bikoresho byawe byasohowe.",
  wrongCurrent: "Iri si ryo jambo ry'ibanga usanzwe ukoresha.",
  setTitle: "Shyiraho ijambo ry'ibanga",
  setIntro:
    "Winjira ukoresheje konti y'urubuga rukuranga. Niba ushaka no kwinjira ukoresheje ijambo ry'ibanga, turakoherereza kuri imeri umurongo wo kurishyiraho. Umara iminota 30.",
  setSend: 'Nyoherereza umurongo',
  setSent: "Umurongo woherejwe kuri {email}. Gushyiraho ijambo ry'ibanga bisohora ibindi bikoresho byawe.",
};
const dict: Record<Lang, Record<keyof typeof en, string>> = { en, rw };

/** The user's sessions (`/api/me/sessions`) with sign-out per device and everywhere, and a password change. */
export function AccountSecurityCard() {
  const { lang, t: common } = useI18n();
  const t = dict[lang];
  const online = useOnline();
  const s = useSessions();
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const act = (work: () => Promise<void>) => {
    setError(null);
    work().catch((err: unknown) => setError(actionErrorMessage(err, common)));
  };
  return (
    <Card title={t.title}>
      <p className="kg-muted">{t.intro}</p>
      {!online ? <p className="kg-muted kg-small">{t.offline}</p> : null}
      {error ? <Alert tone="error">{error}</Alert> : null}
      <ul className="kg-session-list" data-testid="sessions">
        {(s.sessions ?? []).map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            t={t}
            lang={lang}
            disabled={!online || s.busy}
            onEnd={() => act(() => s.end(session.id))}
          />
        ))}
      </ul>
      <Button variant="secondary" block disabled={!online || s.busy} onClick={() => act(s.endEverywhere)}>
        {t.everywhere}
      </Button>
      {session?.user.hasPassword === false ? (
        <SetPasswordByEmail t={t} email={session.user.email} disabled={!online} />
      ) : (
        <PasswordForm t={t} disabled={!online} onChange={s.changePassword} />
      )}
    </Card>
  );
}

function SessionRow(props: {
  session: SessionInfo;
  t: typeof en;
  lang: Lang;
  disabled: boolean;
  onEnd: () => void;
}) {
  const { session, t, lang } = props;
  return (
    <li className="kg-session" data-current={session.current || undefined}>
      <div>
        <strong>{session.app ? t[session.app] : t.unknownApp}</strong>
        {session.current ? <span className="kg-tag"> {t.thisDevice}</span> : null}
        <p className="kg-muted kg-small">
          {[session.userAgent, session.network].filter(Boolean).join(' · ')}
          <br />
          {t.lastUsed}: {formatDate(session.lastUsedAt, lang)}
        </p>
      </div>
      {session.current ? null : (
        <Button variant="ghost" disabled={props.disabled} onClick={props.onEnd}>
          {t.signOut}
        </Button>
      )}
    </li>
  );
}

/**
 * An account made through an identity provider has no password to change. Its first one comes through the
 * emailed reset link, which proves the mailbox; a signed-in screen alone could be a stolen session.
 */
function SetPasswordByEmail(props: { t: typeof en; email: string; disabled: boolean }) {
  const { t } = props;
  const { auth } = useClient();
  const { t: common } = useI18n();
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);
  const send = () => {
    setError(null);
    setState('busy');
    auth.requestPasswordReset(props.email).then(
      () => setState('sent'),
      (err: unknown) => {
        setError(actionErrorMessage(err, common));
        setState('idle');
      },
    );
  };
  return (
    <section className="kg-form" aria-label={t.setTitle}>
      <h3 className="kg-card-subtitle">{t.setTitle}</h3>
      <p className="kg-muted">{t.setIntro}</p>
      {error ? <Alert tone="error">{error}</Alert> : null}
      {state === 'sent' ? (
        <Alert tone="success">{t.setSent.replace('{email}', props.email)}</Alert>
      ) : (
        <Button variant="secondary" busy={state === 'busy'} disabled={props.disabled} onClick={send}>
          {t.setSend}
        </Button>
      )}
    </section>
  );
}

function PasswordForm(props: {
  t: typeof en;
  disabled: boolean;
  onChange: (current: string, next: string) => Promise<void>;
}) {
  const { t } = props;
  const { t: common } = useI18n();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [fields, setFields] = useState<{ current?: string; next?: string; form?: string }>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(false);
    setFields({});
    setBusy(true);
    try {
      await props.onChange(current, next);
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'wrong_password')
        setFields({ current: t.wrongCurrent });
      else if (err instanceof ApiRequestError && err.code === 'weak_password')
        setFields({ next: common('field.passwordWeak') });
      else if (err instanceof ApiRequestError && err.status === 400)
        setFields({ next: common('field.passwordShort') });
      else setFields({ form: actionErrorMessage(err, common) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="kg-form" onSubmit={(e) => void submit(e)} aria-label={t.passwordTitle}>
      <h3 className="kg-card-subtitle">{t.passwordTitle}</h3>
      {done ? <Alert tone="success">{t.changed}</Alert> : null}
      {fields.form ? <Alert tone="error">{fields.form}</Alert> : null}
      <TextField
        label={t.current}
        type="password"
        autoComplete="current-password"
        value={current}
        error={fields.current}
        onChange={(e) => setCurrent(e.target.value)}
      />
      <TextField
        label={t.next}
        type="password"
        autoComplete="new-password"
        value={next}
        error={fields.next}
        onChange={(e) => setNext(e.target.value)}
      />
      <Button type="submit" variant="secondary" busy={busy} disabled={props.disabled || !current || !next}>
        {t.change}
      </Button>
    </form>
  );
}

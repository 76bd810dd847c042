import { ApiRequestError, passkeysSupported } from '@kigaligo/client';
import type { PasskeySummary } from '@kigaligo/domain';
import { type FormEvent, useState } from 'react';
import { actionErrorMessage } from '../../forms/action-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../alert';
import { Button } from '../button';
import { formatDate } from '../profile-card';
import { TextField } from '../text-field';
import { mfaMessages } from './mfa-messages';
import { passkeyErrorMessage } from './passkey-error';

/**
 * The account's passkeys in the two-step sign-in card: each with when it was added and last used, a way to
 * remove it (password again, as the server asks), and "Add a passkey" where the browser can make one.
 */
export function PasskeysSection(props: {
  passkeys: readonly PasskeySummary[];
  disabled: boolean;
  /** False when the policy keeps the last factor (an admin whose only factor this is). */
  canRemoveLast: boolean;
  add: () => Promise<string[] | null>;
  remove: (id: string, password: string) => Promise<void>;
  /** The first factor's recovery codes, to show once. */
  onCodes: (codes: string[]) => void;
}) {
  const { lang, t: common } = useI18n();
  const t = mfaMessages[lang];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const supported = passkeysSupported();
  const add = async () => {
    setError(null);
    setBusy(true);
    try {
      const codes = await props.add();
      if (codes) props.onCodes(codes);
    } catch (err) {
      setError(passkeyErrorMessage(err, lang) ?? actionErrorMessage(err, common));
    } finally {
      setBusy(false);
    }
  };
  const removable = props.canRemoveLast || props.passkeys.length > 1;
  return (
    <section aria-label={t.passkeysTitle}>
      <h3 className="kg-card-subtitle">{t.passkeysTitle}</h3>
      <p className="kg-muted kg-small">{t.passkeysIntro}</p>
      {error ? <Alert>{error}</Alert> : null}
      {props.passkeys.length > 0 ? (
        <ul className="kg-session-list" data-testid="passkeys">
          {props.passkeys.map((p) => (
            <li className="kg-session" key={p.id}>
              <div>
                <strong>{p.name}</strong>
                <p className="kg-muted kg-small">
                  {t.passkeyAdded}: {formatDate(p.createdAt, lang)} · {t.passkeyLastUsed}:{' '}
                  {p.lastUsedAt ? formatDate(p.lastUsedAt, lang) : t.passkeyNeverUsed}
                  {p.backedUp ? ` · ${t.passkeySynced}` : ''}
                </p>
                {removing === p.id ? (
                  <RemoveForm
                    disabled={props.disabled}
                    onCancel={() => setRemoving(null)}
                    onRemove={async (password) => {
                      await props.remove(p.id, password);
                      setRemoving(null);
                    }}
                  />
                ) : null}
              </div>
              {removable && removing !== p.id ? (
                <Button variant="ghost" disabled={props.disabled} onClick={() => setRemoving(p.id)}>
                  {t.removePasskey}
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {supported ? (
        <Button variant="secondary" block busy={busy} disabled={props.disabled} onClick={() => void add()}>
          {t.addPasskey}
        </Button>
      ) : (
        <p className="kg-muted kg-small">{t.passkeyUnsupported}</p>
      )}
    </section>
  );
}

function RemoveForm(props: {
  disabled: boolean;
  onRemove: (password: string) => Promise<void>;
  onCancel: () => void;
}) {
  const { lang, t: common } = useI18n();
  const t = mfaMessages[lang];
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ field?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError({});
    setBusy(true);
    try {
      await props.onRemove(password);
    } catch (err) {
      if (err instanceof ApiRequestError && err.code === 'wrong_password')
        setError({ field: t.wrongPassword });
      else if (err instanceof ApiRequestError && err.code === 'mfa_required') setError({ form: t.required });
      else setError({ form: actionErrorMessage(err, common) });
      setBusy(false);
    }
  };
  return (
    <form className="kg-form" onSubmit={(e) => void submit(e)} aria-label={t.removePasskey}>
      {error.form ? <Alert>{error.form}</Alert> : null}
      <p className="kg-muted kg-small">{t.removePasskeyIntro}</p>
      <TextField
        label={t.password}
        type="password"
        autoComplete="current-password"
        value={password}
        error={error.field}
        onChange={(e) => setPassword(e.target.value)}
      />
      <div className="kg-button-row">
        <Button type="submit" variant="secondary" busy={busy} disabled={props.disabled || !password}>
          {t.removePasskey}
        </Button>
        <Button variant="ghost" onClick={props.onCancel}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../alert';
import { Button } from '../button';
import { mfaMessages, recoveryCodesText } from './mfa-messages';

/** The recovery codes, shown this once: copy, download, and "I have saved them" before going on. */
export function RecoveryCodesView(props: { codes: string[]; account: string; onDone: () => void }) {
  const { lang } = useI18n();
  const t = mfaMessages[lang];
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const text = recoveryCodesText(props.codes, lang, props.account);
  const copy = () => {
    void navigator.clipboard
      ?.writeText(text)
      .then(() => setCopied(true))
      // A browser that refuses the clipboard still has the download and the codes on screen.
      .catch(() => setCopied(false));
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'kigaligo-recovery-codes.txt';
    link.click();
    URL.revokeObjectURL(url);
  };
  return (
    <section className="kg-form" aria-labelledby="kg-recovery-title">
      <h3 id="kg-recovery-title" className="kg-card-subtitle">
        {t.savedTitle}
      </h3>
      <Alert tone="info">{t.savedIntro}</Alert>
      <ol className="kg-recovery-codes" data-testid="recovery-codes">
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="kg-button-row">
        <Button variant="secondary" onClick={copy}>
          {t.copy}
        </Button>
        <Button variant="secondary" onClick={download}>
          {t.download}
        </Button>
      </div>
      {copied ? (
        <p className="kg-muted kg-small" role="status">
          {t.copied}
        </p>
      ) : null}
      <label className="kg-check">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} />
        {t.savedCheck}
      </label>
      <Button block disabled={!saved} onClick={props.onDone}>
        {t.done}
      </Button>
    </section>
  );
}

import { useClient, useLanguageOnServer, useSyncStatus } from '@kigaligo/client';
import { useEffect, useState } from 'react';
import { type Lang, useI18n } from '../i18n/i18n-context';
import { Button } from './button';
import { Card } from './card';
import { LanguageSwitch } from './language-switch';
import { formatStorage, useStorageUsage } from './use-storage-usage';

interface SettingsCardProps {
  onLanguageChange?: (lang: Lang) => void;
  /** Work the app keeps outside synced documents that is still to be sent (a rider's evidence uploads). */
  otherUnsent?: number;
}

/** Language, what the app stores on the phone, and sign-out, within thumb reach at the bottom of the phone apps. */
export function SettingsCard({ onLanguageChange, otherUnsent = 0 }: SettingsCardProps = {}) {
  const { auth } = useClient();
  const { t, lang } = useI18n();
  const usage = useStorageUsage();
  const unsent = useSyncStatus().pending + otherUnsent;
  // 'ask': unsent changes, so signing out asks first; 'wait': signs out by itself once they are sent.
  const [step, setStep] = useState<'idle' | 'ask' | 'wait'>('idle');
  // Push and email follow the language chosen here.
  useLanguageOnServer(lang);
  useEffect(() => {
    if (step === 'wait' && unsent === 0) void auth.logout();
  }, [step, unsent, auth]);

  const signOut = () => (unsent > 0 ? setStep('ask') : void auth.logout());
  return (
    <Card title={t('settings.title')}>
      <div className="kg-setting-row">
        <span>{t('lang.label')}</span>
        <LanguageSwitch {...(onLanguageChange ? { onChange: onLanguageChange } : {})} />
      </div>
      {usage !== null ? (
        <div className="kg-setting-row" data-testid="storage-usage">
          <span>{t('settings.storage')}</span>
          <span>{formatStorage(usage, lang)}</span>
        </div>
      ) : null}
      {step === 'idle' ? (
        <Button variant="secondary" block onClick={signOut}>
          {t('auth.signOut')}
        </Button>
      ) : (
        <div className="kg-signout-unsent" role="alert" data-testid="signout-unsent">
          <p>
            <strong>{t('sync.waiting', { count: unsent })}</strong>
          </p>
          <p className="kg-muted">{t(step === 'wait' ? 'signOut.waiting' : 'signOut.unsentHint')}</p>
          {step === 'ask' ? (
            <Button block onClick={() => setStep('wait')}>
              {t('signOut.whenSent')}
            </Button>
          ) : null}
          <Button variant="secondary" block onClick={() => void auth.logout()}>
            {t('signOut.now')}
          </Button>
          <Button variant="ghost" block onClick={() => setStep('idle')}>
            {t('signOut.cancel')}
          </Button>
        </div>
      )}
    </Card>
  );
}

import { useClient, useLanguageOnServer } from '@kigaligo/client';
import { type Lang, useI18n } from '../i18n/i18n-context';
import { Button } from './button';
import { Card } from './card';
import { LanguageSwitch } from './language-switch';

/** Language and sign-out, within thumb reach at the bottom of the phone apps. */
export function SettingsCard({ onLanguageChange }: { onLanguageChange?: (lang: Lang) => void } = {}) {
  const { auth } = useClient();
  const { t, lang } = useI18n();
  // Push and email follow the language chosen here.
  useLanguageOnServer(lang);
  return (
    <Card title={t('settings.title')}>
      <div className="kg-setting-row">
        <span>{t('lang.label')}</span>
        <LanguageSwitch {...(onLanguageChange ? { onChange: onLanguageChange } : {})} />
      </div>
      <Button variant="secondary" block onClick={() => void auth.logout()}>
        {t('auth.signOut')}
      </Button>
    </Card>
  );
}

import { AuthLayout, ForgotPasswordPage, SignInForm } from '@kigaligo/ui';
import { useState } from 'react';
import { useRiderI18n } from '../messages';
import { ProviderSignIn } from './provider-sign-in';

export function SignInPage({ onRegister }: { onRegister: () => void }) {
  const { t } = useRiderI18n();
  const [forgot, setForgot] = useState(false);
  if (forgot) return <ForgotPasswordPage onBack={() => setForgot(false)} />;
  return (
    <AuthLayout
      title={t('signIn.title')}
      subtitle={t('signIn.subtitle')}
      footer={
        <>
          {t('signIn.new')}{' '}
          <button type="button" className="kg-link-button" onClick={onRegister}>
            {t('signIn.create')}
          </button>
        </>
      }
    >
      <SignInForm wrongRoleMessage={t('signIn.wrongRole')} onForgotPassword={() => setForgot(true)} />
      <ProviderSignIn wrongRoleMessage={t('signIn.wrongRole')} />
    </AuthLayout>
  );
}

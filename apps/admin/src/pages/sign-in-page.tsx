import { AuthLayout, ForgotPasswordPage, SignInForm } from '@kigaligo/ui';
import { useState } from 'react';
import { useAdminI18n } from '../messages';

export function SignInPage() {
  const { t } = useAdminI18n();
  const [forgot, setForgot] = useState(false);
  if (forgot) return <ForgotPasswordPage product={t('app.product')} onBack={() => setForgot(false)} />;
  return (
    <AuthLayout product={t('app.product')} title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      <SignInForm wrongRoleMessage={t('signIn.wrongRole')} onForgotPassword={() => setForgot(true)} />
    </AuthLayout>
  );
}

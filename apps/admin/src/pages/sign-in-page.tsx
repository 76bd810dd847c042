import { AuthLayout, SignInForm } from '@kigaligo/ui';
import { useAdminI18n } from '../messages';

export function SignInPage() {
  const { t } = useAdminI18n();
  return (
    <AuthLayout product={t('app.product')} title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      <SignInForm wrongRoleMessage={t('signIn.wrongRole')} />
    </AuthLayout>
  );
}

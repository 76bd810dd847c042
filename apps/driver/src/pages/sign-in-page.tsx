import { AuthLayout, SignInForm } from '@kigaligo/ui';
import { useDriverI18n } from '../messages';

export function SignInPage() {
  const { t } = useDriverI18n();
  return (
    <AuthLayout
      product={t('app.product')}
      title={t('signIn.title')}
      subtitle={t('signIn.subtitle')}
      footer={t('signIn.help')}
    >
      <SignInForm wrongRoleMessage={t('signIn.wrongRole')} />
    </AuthLayout>
  );
}

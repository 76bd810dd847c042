import { AuthLayout, SignInForm } from '@kigaligo/ui';
import { useRiderI18n } from '../messages';
import { ProviderSignIn } from './provider-sign-in';

export function SignInPage({ onRegister }: { onRegister: () => void }) {
  const { t } = useRiderI18n();
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
      <SignInForm wrongRoleMessage={t('signIn.wrongRole')} />
      <ProviderSignIn wrongRoleMessage={t('signIn.wrongRole')} />
    </AuthLayout>
  );
}

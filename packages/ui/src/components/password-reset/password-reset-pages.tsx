import { useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { AuthLayout } from '../auth-layout';
import { ForgotPasswordForm } from './forgot-password-form';
import { ResetPasswordForm } from './reset-password-form';

/** "Forgot password?" from the sign-in screen: the request form, then the confirmation. */
export function ForgotPasswordPage({ product, onBack }: { product?: string; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <AuthLayout product={product} title={t('reset.requestTitle')}>
      <ForgotPasswordForm onBack={onBack} />
    </AuthLayout>
  );
}

/** The screen a reset link opens; a dead link offers to ask for a new one right there. */
export function ResetPasswordPage(props: { product?: string; token: string; onDone: () => void }) {
  const { t } = useI18n();
  const [askAgain, setAskAgain] = useState(false);
  if (askAgain) return <ForgotPasswordPage product={props.product} onBack={props.onDone} />;
  return (
    <AuthLayout product={props.product} title={t('reset.title')}>
      <ResetPasswordForm token={props.token} onDone={props.onDone} onAskAgain={() => setAskAgain(true)} />
    </AuthLayout>
  );
}

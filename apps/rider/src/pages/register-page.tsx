import { useClient } from '@kigaligo/client';
import { registerInput } from '@kigaligo/domain';
import { Alert, AuthLayout, Button, TextField, useZodForm } from '@kigaligo/ui';
import { useRiderI18n } from '../messages';

export function RegisterPage({ onSignIn }: { onSignIn: () => void }) {
  const { auth } = useClient();
  const { t } = useRiderI18n();
  const form = useZodForm(registerInput, { name: '', email: '', phone: '', password: '' }, t);
  return (
    <AuthLayout
      title={t('register.title')}
      subtitle={t('register.subtitle')}
      footer={
        <>
          {t('register.have')}{' '}
          <button type="button" className="kg-link-button" onClick={onSignIn}>
            {t('auth.signIn')}
          </button>
        </>
      }
    >
      <form className="kg-form" noValidate onSubmit={form.onSubmit((input) => auth.register(input))}>
        {form.formError ? <Alert>{form.formError}</Alert> : null}
        <TextField label={t('auth.name')} autoComplete="name" {...form.field('name')} />
        <TextField
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          {...form.field('email')}
        />
        <TextField
          label={t('auth.phone')}
          optionalLabel={t('auth.optional')}
          type="tel"
          autoComplete="tel"
          hint={t('register.phoneHint')}
          {...form.field('phone')}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          hint={t('register.passwordHint')}
          {...form.field('password')}
        />
        <Button type="submit" block busy={form.submitting}>
          {form.submitting ? t('auth.wait') : t('register.submit')}
        </Button>
      </form>
    </AuthLayout>
  );
}

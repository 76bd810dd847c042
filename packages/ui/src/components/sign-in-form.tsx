import { useClient } from '@kigaligo/client';
import { loginInput } from '@kigaligo/domain';
import { useZodForm } from '../forms/use-zod-form';
import { useI18n } from '../i18n/i18n-context';
import { Alert } from './alert';
import { Button } from './button';
import { TextField } from './text-field';

export interface SignInFormProps {
  /** Message for an account of another role, e.g. a driver in the rider app. */
  wrongRoleMessage: string;
}

export function SignInForm({ wrongRoleMessage }: SignInFormProps) {
  const { auth } = useClient();
  const { t } = useI18n();
  const form = useZodForm(loginInput, { email: '', password: '' }, t, {
    wrongRole: wrongRoleMessage,
    signIn: true,
  });
  return (
    <form className="kg-form" noValidate onSubmit={form.onSubmit((input) => auth.login(input))}>
      {form.formError ? <Alert>{form.formError}</Alert> : null}
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="username"
        inputMode="email"
        {...form.field('email')}
      />
      <TextField
        label={t('auth.password')}
        type="password"
        autoComplete="current-password"
        {...form.field('password')}
      />
      <Button type="submit" block busy={form.submitting}>
        {form.submitting ? t('auth.wait') : t('auth.signIn')}
      </Button>
    </form>
  );
}

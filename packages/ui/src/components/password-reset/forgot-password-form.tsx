import { useClient } from '@kigaligo/client';
import { passwordResetRequest } from '@kigaligo/domain';
import { useState } from 'react';
import { useZodForm } from '../../forms/use-zod-form';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../alert';
import { Button } from '../button';
import { TextField } from '../text-field';

const emailOnly = passwordResetRequest.pick({ email: true });

/** Asks for a reset link; the answer never says whether the address has an account. */
export function ForgotPasswordForm({ onBack }: { onBack: () => void }) {
  const { auth } = useClient();
  const { t } = useI18n();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useZodForm(emailOnly, { email: '' }, t);
  if (sentTo) {
    return (
      <div className="kg-form">
        <Alert tone="success">{t('reset.sent', { email: sentTo })}</Alert>
        <Button type="button" block onClick={onBack}>
          {t('reset.back')}
        </Button>
      </div>
    );
  }
  return (
    <form
      className="kg-form"
      noValidate
      onSubmit={form.onSubmit(async ({ email }) => {
        await auth.requestPasswordReset(email);
        setSentTo(email);
      })}
    >
      <p>{t('reset.requestHint')}</p>
      {form.formError ? <Alert>{form.formError}</Alert> : null}
      <TextField
        label={t('auth.email')}
        type="email"
        autoComplete="username"
        inputMode="email"
        {...form.field('email')}
      />
      <Button type="submit" block busy={form.submitting}>
        {form.submitting ? t('auth.wait') : t('reset.send')}
      </Button>
      <button type="button" className="kg-link-button" onClick={onBack}>
        {t('reset.back')}
      </button>
    </form>
  );
}

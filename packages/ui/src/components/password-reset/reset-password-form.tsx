import { ApiRequestError, useClient, useSession } from '@kigaligo/client';
import { passwordResetConfirm } from '@kigaligo/domain';
import { useState } from 'react';
import { z } from 'zod';
import { useZodForm } from '../../forms/use-zod-form';
import type { CommonKey } from '../../i18n/common-messages';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../alert';
import { Button } from '../button';
import { TextField } from '../text-field';

// Named `password` so the shared field messages (too short, too easy to guess) land on it.
const newPassword = z.object({ password: passwordResetConfirm.shape.newPassword });

const linkProblems: Record<string, CommonKey> = {
  reset_token_expired: 'reset.expired',
  reset_token_used: 'reset.used',
  reset_token_unknown: 'reset.unknown',
};

/** Sets a new password with the token of a reset link, then sends the person to sign in with it. */
export function ResetPasswordForm(props: { token: string; onDone: () => void; onAskAgain: () => void }) {
  const { auth } = useClient();
  const session = useSession();
  const { t } = useI18n();
  const [done, setDone] = useState(false);
  const [linkProblem, setLinkProblem] = useState<CommonKey | null>(null);
  const form = useZodForm(newPassword, { password: '' }, t);
  if (done) {
    return (
      <div className="kg-form">
        <Alert tone="success">{t('reset.done')}</Alert>
        <Button type="button" block onClick={props.onDone}>
          {t('auth.signIn')}
        </Button>
      </div>
    );
  }
  if (linkProblem) {
    return (
      <div className="kg-form">
        <Alert>{t(linkProblem)}</Alert>
        <Button type="button" block onClick={props.onAskAgain}>
          {t('reset.askAgain')}
        </Button>
      </div>
    );
  }
  const save = async ({ password }: { password: string }) => {
    try {
      await auth.confirmPasswordReset(props.token, password);
    } catch (err) {
      const problem = err instanceof ApiRequestError ? linkProblems[err.code] : undefined;
      if (!problem) throw err;
      setLinkProblem(problem);
      return;
    }
    // Every session of the account ended on the server, this device's too if it was signed in.
    if (session) await auth.logout();
    setDone(true);
  };
  return (
    <form className="kg-form" noValidate onSubmit={form.onSubmit(save)}>
      {form.formError ? <Alert>{form.formError}</Alert> : null}
      <TextField
        label={t('reset.newPassword')}
        type="password"
        autoComplete="new-password"
        {...form.field('password')}
      />
      <Button type="submit" block busy={form.submitting}>
        {form.submitting ? t('auth.wait') : t('reset.save')}
      </Button>
    </form>
  );
}

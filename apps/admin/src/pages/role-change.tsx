import { apiRequest, useClient, useOnline } from '@kigaligo/client';
import { type User, user as userSchema } from '@kigaligo/domain';
import { Button, errorMessage } from '@kigaligo/ui';
import { useState } from 'react';
import { z } from 'zod';
import { useAdminI18n } from '../messages';

const changed = z.object({ user: userSchema });

/**
 * Makes a driver an admin or an admin a driver, after a confirmation that says their sessions end: the server
 * signs them out everywhere at once. Needs the network (the decision is the server's), and never one's own row.
 */
export function RoleChange({ user, onChanged }: { user: User; onChanged: () => void }) {
  const { t } = useAdminI18n();
  const { api } = useClient();
  const online = useOnline();
  const [step, setStep] = useState<'idle' | 'confirm' | 'busy'>('idle');
  const [error, setError] = useState<string | null>(null);
  const to = user.role === 'driver' ? 'admin' : 'driver';
  const submit = async () => {
    setError(null);
    setStep('busy');
    try {
      await api.request(
        apiRequest('post', '/api/admin/users/{id}/role', { path: { id: user.id }, body: { role: to } }),
        { schema: changed },
      );
      setStep('idle');
      onChanged();
    } catch (err) {
      setError(errorMessage(err, t).message);
      setStep('confirm');
    }
  };
  if (step === 'idle')
    return (
      <Button variant="ghost" disabled={!online} onClick={() => setStep('confirm')}>
        {t(to === 'admin' ? 'users.makeAdmin' : 'users.makeDriver')}
      </Button>
    );
  return (
    <div>
      <p className="kg-small">{t('users.roleConfirm', { name: user.name, role: t(`role.${to}`) })}</p>
      {error ? <p className="kg-field-error">{error}</p> : null}
      <div className="kg-button-row">
        <Button variant="secondary" busy={step === 'busy'} disabled={!online} onClick={() => void submit()}>
          {t('users.roleConfirmYes')}
        </Button>
        <Button variant="ghost" onClick={() => setStep('idle')}>
          {t('users.cancel')}
        </Button>
      </div>
    </div>
  );
}

import { apiRequest, useClient } from '@kigaligo/client';
import { createStaffInput, user } from '@kigaligo/domain';
import { Alert, Button, Card, TextField, useZodForm } from '@kigaligo/ui';
import { useState } from 'react';
import { z } from 'zod';
import { useAdminI18n } from '../messages';

const created = z.object({ user });
// This form only ever creates drivers; admins are created elsewhere on purpose (fewer ways to mint an admin).
const driverInput = createStaffInput.extend({ role: z.literal('driver').default('driver') });

export function AddDriverPage() {
  const { api } = useClient();
  const { t } = useAdminI18n();
  const [createdName, setCreatedName] = useState<string | null>(null);
  const form = useZodForm(driverInput, { name: '', email: '', phone: '', password: '' }, t);

  const submit = form.onSubmit(async (input) => {
    setCreatedName(null);
    const res = await api.request(apiRequest('post', '/api/admin/users', { body: input }), {
      schema: created,
    });
    setCreatedName(res.user.name);
    form.reset();
  });

  return (
    <>
      <div className="kg-admin-heading">
        <div>
          <h1>{t('driver.title')}</h1>
          <p className="kg-muted">{t('driver.subtitle')}</p>
        </div>
      </div>
      <Card className="kg-admin-form-card">
        <form className="kg-form" noValidate onSubmit={submit}>
          {createdName ? <Alert tone="success">{t('driver.created', { name: createdName })}</Alert> : null}
          {form.formError ? <Alert>{form.formError}</Alert> : null}
          <div className="kg-form-grid">
            <TextField label={t('auth.name')} autoComplete="off" {...form.field('name')} />
            <TextField label={t('auth.email')} type="email" autoComplete="off" {...form.field('email')} />
            <TextField
              label={t('auth.phone')}
              type="tel"
              hint={t('driver.phoneHint')}
              {...form.field('phone')}
            />
            <TextField
              label={t('auth.password')}
              type="password"
              autoComplete="new-password"
              hint={t('driver.passwordHint')}
              {...form.field('password')}
            />
          </div>
          <div>
            <Button type="submit" busy={form.submitting}>
              {form.submitting ? t('auth.wait') : t('driver.submit')}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}

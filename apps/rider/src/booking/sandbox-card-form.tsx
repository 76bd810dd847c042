import { ApiRequestError, apiRequest, useClient } from '@kigaligo/client';
import {
  expiryInFuture,
  type PaymentView,
  type SandboxCardRequest,
  sandboxCardAnswer,
  sandboxCardRequest,
  sandboxTestCard,
} from '@kigaligo/domain';
import { Alert, actionErrorMessage, Button, TextField } from '@kigaligo/ui';
import { type FormEvent, useState } from 'react';
import { formatRwf } from '../plan/format';
import { type BookingKey, useBookingI18n } from './booking-messages';

type Field = 'number' | 'expiry' | 'cvc';
type FieldErrors = Partial<Record<Field, BookingKey>>;

/** What is wrong with the form, field by field in the rider's words, before anything is sent. */
function checkCard(
  form: Record<Field, string>,
  now: Date,
): { card?: SandboxCardRequest; errors: FieldErrors } {
  const parsed = sandboxCardRequest.safeParse(form);
  const errors: FieldErrors = {};
  for (const issue of parsed.error?.issues ?? []) {
    const field = issue.path[0] as Field;
    errors[field] ??=
      field === 'number'
        ? 'card.numberInvalid'
        : field === 'expiry'
          ? 'card.expiryInvalid'
          : 'card.cvcInvalid';
  }
  if (!errors.number && !sandboxTestCard(form.number)) errors.number = 'card.notTestCard';
  if (!errors.expiry && !expiryInFuture(form.expiry, now)) errors.expiry = 'card.expired';
  return parsed.success && Object.keys(errors).length === 0 ? { card: parsed.data, errors } : { errors };
}

/**
 * The sandbox's card form, for a server with no Stripe keys: labelled as a test on its face, it takes Stripe's
 * test cards only (the server refuses any other number), and a card that asks for 3-D Secure shows a test bank
 * check the rider completes or fails, so every path of a real card payment can be tried without an account.
 */
export function SandboxCardForm({ payment }: { payment: PaymentView }) {
  const { t } = useBookingI18n();
  const { api } = useClient();
  const [form, setForm] = useState<Record<Field, string>>({ number: '', expiry: '', cvc: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState<SandboxCardRequest | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<PaymentView | null>(null);

  const send = async (card: SandboxCardRequest) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.request(
        apiRequest('post', '/api/payments/{id}/sandbox-card', { path: { id: payment.id }, body: card }),
        { schema: sandboxCardAnswer },
      );
      setChecking(res.authenticate ? card : null);
      if (!res.authenticate) setResult(res.payment);
    } catch (err) {
      const field = err instanceof ApiRequestError ? (err.details[0]?.path as Field | undefined) : undefined;
      if (field === 'number') setErrors({ number: 'card.notTestCard' });
      else if (field === 'expiry') setErrors({ expiry: 'card.expired' });
      else setError(actionErrorMessage(err, t));
      setChecking(null);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { card, errors: found } = checkCard(form, new Date());
    setErrors(found);
    if (card) void send(card);
  };
  const field = (name: Field) => ({
    value: form[name],
    error: errors[name] ? t(errors[name]) : undefined,
    onChange: (e: { currentTarget: HTMLInputElement }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [name]: value }));
      setErrors((x) => ({ ...x, [name]: undefined }));
    },
  });

  if (result?.status === 'succeeded') return <Alert tone="success">{t('pay.succeeded')}</Alert>;
  return (
    <div className="kg-card-form" data-testid="sandbox-card">
      <div className="kg-card-sandbox" role="note">
        <strong>{t('card.sandboxTitle')}</strong>
        <p className="kg-field-hint">{t('card.sandboxHint')}</p>
      </div>
      {result?.status === 'failed' ? <Alert>{result.failureReason ?? t('pay.failed')}</Alert> : null}
      {checking ? (
        <section className="kg-card-auth" aria-labelledby="kg-card-auth-title" data-testid="sandbox-auth">
          <h3 id="kg-card-auth-title" className="kg-card-title">
            {t('card.authTitle')}
          </h3>
          <p className="kg-muted">{t('card.authHint')}</p>
          <div className="kg-card-auth-actions">
            <Button busy={busy} onClick={() => void send({ ...checking, authentication: 'complete' })}>
              {t('card.authComplete')}
            </Button>
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => void send({ ...checking, authentication: 'fail' })}
            >
              {t('card.authFail')}
            </Button>
          </div>
        </section>
      ) : (
        <form className="kg-form" onSubmit={submit} noValidate>
          <TextField
            label={t('card.number')}
            inputMode="numeric"
            autoComplete="off"
            placeholder="4242 4242 4242 4242"
            {...field('number')}
          />
          <div className="kg-card-row">
            <TextField
              label={t('card.expiry')}
              inputMode="numeric"
              placeholder="12/30"
              {...field('expiry')}
            />
            <TextField label={t('card.cvc')} inputMode="numeric" placeholder="123" {...field('cvc')} />
          </div>
          {error ? <Alert>{error}</Alert> : null}
          <Button type="submit" block busy={busy}>
            {t('card.pay', { fare: formatRwf({ amount: payment.amount }) })}
          </Button>
        </form>
      )}
    </div>
  );
}

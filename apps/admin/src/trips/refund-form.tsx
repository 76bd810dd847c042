import { ApiRequestError, apiRequest, sendUntilAnswered, useClient } from '@kigaligo/client';
import type { PaymentView } from '@kigaligo/domain';
import { Alert, actionErrorMessage, Button, formatRwf, TextField } from '@kigaligo/ui';
import { type FormEvent, useState } from 'react';
import { useAdminI18n } from '../messages';
import { type RefundDraft, toRefundInput } from './refund-input';

/** Full or partial refund of one payment through `POST /api/refunds`; the server's refusal is shown as is. */
export function RefundForm({
  payment,
  refundable,
  onClose,
  onRefunded,
}: {
  payment: PaymentView;
  /** What can still be refunded, refunds waiting for their provider deducted. */
  refundable: number;
  onClose(): void;
  onRefunded(): void;
}) {
  const { t } = useAdminI18n();
  const { api } = useClient();
  const [draft, setDraft] = useState<RefundDraft>({ amount: '', reason: '' });
  const [fieldError, setFieldError] = useState<'amount' | 'reason' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One key per refund the admin means: submitting the same form again after a lost answer (or a double click)
  // gets the first refund back from the server instead of a second one. Editing the form makes a new refund.
  const [attemptKey, setAttemptKey] = useState(() => crypto.randomUUID());
  const left = formatRwf(refundable);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setDone(null);
    const parsed = toRefundInput(payment.id, draft);
    if (!parsed.ok) {
      setFieldError(parsed.field);
      return;
    }
    setBusy(true);
    try {
      // "Still being handled" is asked again after Retry-After (same key): the first try's refund comes back.
      await sendUntilAnswered(() =>
        api.request(apiRequest('post', '/api/refunds', { body: parsed.input }), {
          headers: { 'Idempotency-Key': attemptKey },
        }),
      );
      setAttemptKey(crypto.randomUUID());
      setDone(t('refund.done', { amount: parsed.input.amount ? formatRwf(parsed.input.amount) : left }));
      setDraft({ amount: '', reason: '' });
      onRefunded();
    } catch (err) {
      // The key went with other details before (nothing was done for these): the next press is a new refund.
      if (err instanceof ApiRequestError && err.code === 'idempotency_key_reused') {
        setAttemptKey(crypto.randomUUID());
      }
      setError(actionErrorMessage(err, t));
    } finally {
      setBusy(false);
    }
  };

  const change = (k: keyof RefundDraft) => (e: { target: { value: string } }) => {
    setDraft((d) => ({ ...d, [k]: e.target.value }));
    setFieldError(null);
    setAttemptKey(crypto.randomUUID());
  };

  return (
    <form
      className="kg-form kg-refund-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="refund-form"
    >
      <h3 className="kg-card-title">
        {t('refund.title', { amount: formatRwf(payment.amount), method: t(`pay.method.${payment.method}`) })}
      </h3>
      <p className="kg-muted">{t('refund.refundable', { amount: left })}</p>
      {done ? <Alert tone="success">{done}</Alert> : null}
      {error ? <Alert>{error}</Alert> : null}
      <div className="kg-form-grid">
        <TextField
          label={t('refund.amount')}
          inputMode="numeric"
          autoComplete="off"
          value={draft.amount}
          onChange={change('amount')}
          hint={t('refund.amountHint', { amount: left })}
          error={fieldError === 'amount' ? t('refund.amountInvalid') : undefined}
        />
        <TextField
          label={t('refund.reason')}
          autoComplete="off"
          maxLength={500}
          value={draft.reason}
          onChange={change('reason')}
          hint={t('refund.reasonHint')}
          error={fieldError === 'reason' ? t('refund.reasonShort') : undefined}
        />
      </div>
      <div className="kg-refund-actions">
        <Button type="submit" busy={busy}>
          {t('refund.submit')}
        </Button>
        <Button variant="secondary" onClick={onClose}>
          {t('refund.cancel')}
        </Button>
      </div>
    </form>
  );
}

import {
  apiGet,
  apiRequest,
  docName,
  type RequestQueueState,
  reportDoc,
  useApiQuery,
} from '@kigaligo/client';
import { type PaymentView, refundableNow, tripDetail } from '@kigaligo/domain';
import { Button, formatRwf, TextField } from '@kigaligo/ui';
import { useEffect, useState } from 'react';
import { toRefundInput } from '../trips/refund-input';
import { useReportAdminI18n } from './report-messages';

/**
 * Refunding the linked trip: its payments come from `GET /api/trips/:id` (the report detail has the trip's
 * summary only), the refund is `POST /api/refunds` through the request queue. Reloaded after each decision.
 */
export function TripRefund({
  reportId,
  tripId,
  queue,
  version,
}: {
  reportId: string;
  tripId: string;
  queue: RequestQueueState;
  /** Changes when a decision on the report was accepted, so the payments are read again. */
  version: number;
}) {
  const { t } = useReportAdminI18n();
  const query = useApiQuery(
    `admin-trip-${tripId}`,
    apiGet('/api/trips/{id}', { path: { id: tripId } }),
    tripDetail,
  );
  const { reload } = query;
  useEffect(() => {
    if (version > 0) void reload();
  }, [version, reload]);
  if (!query.data) return <p className="kg-muted">{t('actions.refundLoading')}</p>;
  const { payments, refunds } = query.data;
  const refundable = payments.filter((p) => refundableNow(p, refunds) > 0);
  if (refundable.length === 0) return <p className="kg-muted">{t('actions.refundNone')}</p>;
  return (
    <>
      {refundable.map((p) => (
        <RefundOne
          key={p.id}
          payment={p}
          refundable={refundableNow(p, refunds)}
          reportId={reportId}
          queue={queue}
        />
      ))}
    </>
  );
}

function RefundOne({
  payment,
  refundable,
  reportId,
  queue,
}: {
  payment: PaymentView;
  refundable: number;
  reportId: string;
  queue: RequestQueueState;
}) {
  const { t } = useReportAdminI18n();
  const [draft, setDraft] = useState({ amount: '', reason: '' });
  const [field, setField] = useState<'amount' | 'reason' | null>(null);
  const waiting = queue.requests.some(
    (r) =>
      r.state === 'waiting' &&
      r.action === 'refund' &&
      (r.body as { paymentId?: string })?.paymentId === payment.id,
  );
  const submit = async () => {
    const parsed = toRefundInput(payment.id, draft);
    if (!parsed.ok) return setField(parsed.field);
    setField(null);
    await queue.enqueue({
      ...apiRequest('post', '/api/refunds', { body: parsed.input }),
      subject: docName(reportDoc(reportId)),
      action: 'refund',
    });
    setDraft({ amount: '', reason: '' });
  };
  return (
    <div className="kg-report-refund" data-testid="report-refund">
      <p>
        {t('actions.refundPayment', {
          method: t(`payMethod.${payment.method}`),
          amount: formatRwf(payment.amount),
          refundable: formatRwf(refundable),
        })}
      </p>
      <div className="kg-form-grid">
        <TextField
          label={t('actions.refundAmount')}
          inputMode="numeric"
          value={draft.amount}
          onChange={(e) => setDraft((d) => ({ ...d, amount: e.target.value }))}
          error={field === 'amount' ? t('actions.refundAmountInvalid') : undefined}
        />
        <TextField
          label={t('actions.refundReason')}
          value={draft.reason}
          maxLength={500}
          onChange={(e) => setDraft((d) => ({ ...d, reason: e.target.value }))}
          error={field === 'reason' ? t('actions.reasonShort') : undefined}
        />
      </div>
      <Button variant="secondary" disabled={!queue.ready || waiting} onClick={() => void submit()}>
        {t('actions.refundSubmit')}
      </Button>
    </div>
  );
}

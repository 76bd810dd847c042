import { apiGet, NetworkError, useApiQuery } from '@kigaligo/client';
import { type TripReceipt, tripReceipt } from '@kigaligo/domain';
import { Alert, Button } from '@kigaligo/ui';
import { useState } from 'react';
import { formatRwf } from '../plan/format';
import { useBookingI18n } from './booking-messages';
import { bookedAt } from './trip-text';

const rwf = (amount: number) => formatRwf({ amount });

/** A paid trip's receipt, opened on demand (and kept on the phone once seen); printable or saved as PDF. */
export function TripReceiptCard({ tripId }: { tripId: string }) {
  const { t } = useBookingI18n();
  const [open, setOpen] = useState(false);
  return (
    <section className="kg-receipt" aria-labelledby="kg-receipt-title">
      <div className="kg-receipt-head">
        <h2 id="kg-receipt-title" className="kg-card-title">
          {t('receipt.title')}
        </h2>
        <Button variant="secondary" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('receipt.hide') : t('receipt.show')}
        </Button>
      </div>
      {open ? <ReceiptBody tripId={tripId} /> : null}
    </section>
  );
}

function ReceiptBody({ tripId }: { tripId: string }) {
  const { t } = useBookingI18n();
  const query = useApiQuery(
    `trip-receipt:${tripId}`,
    apiGet('/api/trips/{id}/receipt', { path: { id: tripId } }),
    tripReceipt,
  );
  if (query.data) return <ReceiptView receipt={query.data} />;
  if (query.loading) return <p className="kg-muted">{t('receipt.loading')}</p>;
  return <Alert>{t(query.error instanceof NetworkError ? 'receipt.offline' : 'receipt.failed')}</Alert>;
}

function ReceiptView({ receipt }: { receipt: TripReceipt }) {
  const { t, lang } = useBookingI18n();
  return (
    <div className="kg-receipt-body" data-testid="trip-receipt" data-number={receipt.number}>
      <p className="kg-receipt-number">{t('receipt.number', { number: receipt.number })}</p>
      <p className="kg-muted">
        {receipt.riderName} · {receipt.from} → {receipt.to} · {bookedAt(receipt.bookedAt, lang)}
      </p>
      <table className="kg-receipt-lines">
        <tbody>
          {receipt.lines.map((l) => (
            <tr key={l.item}>
              <th scope="row">{t(`receipt.line.${l.item}`, { km: l.km ?? '' })}</th>
              <td>{rwf(l.amount)}</td>
            </tr>
          ))}
          <tr className="kg-receipt-total">
            <th scope="row">{t('receipt.total')}</th>
            <td>{rwf(receipt.total)}</td>
          </tr>
          {receipt.payments.map((p) => (
            <tr key={`${p.at}-${p.method}`}>
              <th scope="row">
                {t('receipt.paidWith', { method: t(`receipt.method.${p.method}`) })}
                {p.reference ? (
                  <span className="kg-muted kg-small">
                    {' '}
                    · {t('receipt.reference', { reference: p.reference })}
                  </span>
                ) : null}
              </th>
              <td>{rwf(p.amount)}</td>
            </tr>
          ))}
          {receipt.refunds.map((r) => (
            <tr key={`${r.at}-${r.amount}`}>
              <th scope="row">
                {t(r.status === 'succeeded' ? 'receipt.refund' : 'receipt.refundPending', {
                  reason: r.reason,
                })}
              </th>
              <td>−{rwf(r.amount)}</td>
            </tr>
          ))}
          <tr className="kg-receipt-total">
            <th scope="row">{t('receipt.net')}</th>
            <td data-testid="receipt-net">{rwf(receipt.netPaid)}</td>
          </tr>
        </tbody>
      </table>
      <Button variant="secondary" onClick={() => window.print()}>
        {t('receipt.print')}
      </Button>
    </div>
  );
}

import { type DisputeView, type PaymentView, type RefundView, refundableNow } from '@kigaligo/domain';
import { Button, Card, formatRwf } from '@kigaligo/ui';
import { useState } from 'react';
import { useAdminI18n } from '../messages';
import { adminTime } from './admin-format';
import { RefundForm } from './refund-form';

interface Props {
  payments: PaymentView[];
  refunds: RefundView[];
  disputes: DisputeView[];
  onChanged(): void;
}

const refundReasons = ['duplicate', 'fraudulent', 'requested_by_customer'] as const;
const isRefundReason = (r: string): r is (typeof refundReasons)[number] =>
  (refundReasons as readonly string[]).includes(r);
const disputeReasons = [
  'fraudulent',
  'duplicate',
  'product_not_received',
  'unrecognized',
  'credit_not_processed',
  'general',
] as const;
const isDisputeReason = (r: string): r is (typeof disputeReasons)[number] =>
  (disputeReasons as readonly string[]).includes(r);

/**
 * The trip's payment attempts (with Refund where money can go back), every refund made (in KigaliGo or in the
 * Stripe Dashboard) and the card disputes, if any.
 */
export function TripPayments({ payments, refunds, disputes, onChanged }: Props) {
  const { t, lang } = useAdminI18n();
  const [refunding, setRefunding] = useState<string | null>(null);
  const open = payments.find((p) => p.id === refunding) ?? null;
  return (
    <>
      <Card title={t('trip.payments')}>
        {payments.length === 0 ? (
          <p className="kg-muted">{t('trip.noPayments')}</p>
        ) : (
          <div className="kg-table-wrap kg-table-wrap--flat">
            <table className="kg-table">
              <thead>
                <tr>
                  <th scope="col">{t('pay.col.created')}</th>
                  <th scope="col">{t('pay.col.method')}</th>
                  <th scope="col">{t('pay.col.provider')}</th>
                  <th scope="col">{t('pay.col.amount')}</th>
                  <th scope="col">{t('pay.col.refunded')}</th>
                  <th scope="col">{t('pay.col.status')}</th>
                  <th scope="col">{t('pay.col.ref')}</th>
                  <th scope="col" aria-label={t('refund.open')} />
                </tr>
              </thead>
              <tbody>
                {payments.map((p) => (
                  <tr key={p.id} data-testid="payment-row" data-status={p.status} data-method={p.method}>
                    <td className="kg-nowrap">{adminTime(p.createdAt, lang)}</td>
                    <th scope="row">{t(`pay.method.${p.method}`)}</th>
                    <td>{p.provider}</td>
                    <td className="kg-nowrap">{formatRwf(p.amount)}</td>
                    <td className="kg-nowrap">{formatRwf(p.refundedAmount)}</td>
                    <td>
                      {t(`pay.status.${p.status}`)}
                      {p.failureReason ? <span className="kg-muted"> · {p.failureReason}</span> : null}
                    </td>
                    <td className="kg-outbox-what">{p.providerRef ?? '—'}</td>
                    <td className="kg-table-actions">
                      {refundableNow(p, refunds) > 0 ? (
                        <Button variant="secondary" onClick={() => setRefunding(p.id)}>
                          {t('refund.open')}
                        </Button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {open ? (
          <RefundForm
            payment={open}
            refundable={refundableNow(open, refunds)}
            onClose={() => setRefunding(null)}
            onRefunded={onChanged}
          />
        ) : null}
      </Card>
      <Card title={t('trip.refunds')}>
        {refunds.length === 0 ? (
          <p className="kg-muted">{t('trip.noRefunds')}</p>
        ) : (
          <div className="kg-table-wrap kg-table-wrap--flat">
            <table className="kg-table">
              <thead>
                <tr>
                  <th scope="col">{t('pay.col.created')}</th>
                  <th scope="col">{t('pay.col.amount')}</th>
                  <th scope="col">{t('pay.col.reason')}</th>
                  <th scope="col">{t('pay.col.status')}</th>
                  <th scope="col">{t('pay.col.ref')}</th>
                </tr>
              </thead>
              <tbody>
                {refunds.map((r) => (
                  <tr key={r.id} data-testid="refund-row" data-status={r.status} data-amount={r.amount}>
                    <td className="kg-nowrap">{adminTime(r.createdAt, lang)}</td>
                    <th scope="row" className="kg-nowrap">
                      {formatRwf(r.amount)}
                    </th>
                    <td>
                      {r.origin === 'stripe_dashboard' ? (
                        <>
                          {isRefundReason(r.reason)
                            ? t(`refund.stripeReason.${r.reason}`)
                            : t('refund.stripeReason.none')}
                          <span className="kg-muted" data-testid="refund-origin">
                            {' '}
                            · {t('refund.origin.stripe_dashboard')}
                          </span>
                        </>
                      ) : r.origin === 'duplicate_payment' ? (
                        <span data-testid="refund-origin">{t('refund.origin.duplicate_payment')}</span>
                      ) : (
                        r.reason
                      )}
                    </td>
                    <td>
                      {t(`refund.status.${r.status}`)}
                      {r.failureReason ? <span className="kg-muted"> · {r.failureReason}</span> : null}
                    </td>
                    <td className="kg-outbox-what">{r.providerRef ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {disputes.length > 0 ? (
        <Card title={t('trip.disputes')}>
          <p className="kg-muted">{t('trip.disputesHint')}</p>
          <div className="kg-table-wrap kg-table-wrap--flat">
            <table className="kg-table">
              <thead>
                <tr>
                  <th scope="col">{t('dispute.col.opened')}</th>
                  <th scope="col">{t('pay.col.amount')}</th>
                  <th scope="col">{t('pay.col.reason')}</th>
                  <th scope="col">{t('pay.col.status')}</th>
                  <th scope="col">{t('dispute.col.closed')}</th>
                  <th scope="col">{t('pay.col.ref')}</th>
                </tr>
              </thead>
              <tbody>
                {disputes.map((d) => (
                  <tr key={d.id} data-testid="dispute-row" data-status={d.status}>
                    <td className="kg-nowrap">{adminTime(d.openedAt, lang)}</td>
                    <th scope="row" className="kg-nowrap">
                      {formatRwf(d.amount)}
                    </th>
                    {/* Stripe's rarer reason codes are shown as the code, as the Dashboard names them. */}
                    <td>{isDisputeReason(d.reason) ? t(`dispute.reason.${d.reason}`) : d.reason}</td>
                    <td>{t(`dispute.status.${d.status}`)}</td>
                    <td className="kg-nowrap">
                      {d.closedAt ? adminTime(d.closedAt, lang) : t('dispute.stillOpen')}
                    </td>
                    <td className="kg-outbox-what">{d.providerRef}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}
    </>
  );
}

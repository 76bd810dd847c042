import type { PaymentView, RefundView } from '@kigaligo/domain';
import { paymentView, refundView } from '@kigaligo/domain';
import type { PaymentRow } from './payment-state';
import type { RefundRow } from './refund-service';

/** Maps a row to the API shape; parsing keeps the API honest about what it promises. */
export function toPaymentView(
  row: PaymentRow,
  secrets: { clientSecret?: string | undefined; customerSessionClientSecret?: string | undefined } = {},
): PaymentView {
  return paymentView.parse({
    id: row.id,
    tripId: row.tripId,
    payerId: row.payerId,
    method: row.method,
    provider: row.provider,
    amount: row.amount,
    refundedAmount: row.refundedAmount,
    status: row.status,
    providerRef: row.providerRef,
    failureReason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(secrets.clientSecret ? { clientSecret: secrets.clientSecret } : {}),
    ...(secrets.customerSessionClientSecret
      ? { customerSessionClientSecret: secrets.customerSessionClientSecret }
      : {}),
  });
}

export function toRefundView(row: RefundRow): RefundView {
  return refundView.parse({
    id: row.id,
    paymentId: row.paymentId,
    amount: row.amount,
    reason: row.reason,
    status: row.status,
    origin: row.origin,
    createdBy: row.createdBy,
    providerRef: row.providerRef,
    failureReason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
  });
}

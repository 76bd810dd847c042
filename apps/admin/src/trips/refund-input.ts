import { type RefundInput, refundInput } from '@kigaligo/domain';

export type RefundDraft = { amount: string; reason: string };

/**
 * The refund form's fields as a domain `refundInput`: an empty amount means "everything not yet refunded"
 * (the API's default), "1 500" and "1,500" are read as 1500. Whether the amount is more than can still be
 * refunded is the server's call (it knows refunds in flight); its answer is shown as it comes.
 */
export function toRefundInput(
  paymentId: string,
  draft: RefundDraft,
): { ok: true; input: RefundInput } | { ok: false; field: 'amount' | 'reason' } {
  const text = draft.amount.replace(/[\s,]/g, '');
  if (text !== '' && !/^\d+$/.test(text)) return { ok: false, field: 'amount' };
  const parsed = refundInput.safeParse({
    paymentId,
    reason: draft.reason,
    ...(text === '' ? {} : { amount: Number(text) }),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  return { ok: false, field: parsed.error.issues.some((i) => i.path[0] === 'amount') ? 'amount' : 'reason' };
}

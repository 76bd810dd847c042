import { describe, expect, it } from 'vitest';
import { paymentId } from './ids';
import { canTransitionPayment, refundableAmount, refundableNow, refundInput } from './payment';

describe('payments', () => {
  it('ignores webhook events that would move a payment backwards', () => {
    expect(canTransitionPayment('pending', 'succeeded')).toBe(true);
    expect(canTransitionPayment('succeeded', 'processing')).toBe(false);
    expect(canTransitionPayment('refunded', 'succeeded')).toBe(false);
    expect(canTransitionPayment('succeeded', 'failed')).toBe(false);
    expect(canTransitionPayment('failed', 'processing')).toBe(true);
  });

  it('never refunds more than was paid and not yet returned', () => {
    expect(refundableAmount({ amount: 1500, refundedAmount: 0, status: 'succeeded' })).toBe(1500);
    expect(refundableAmount({ amount: 1500, refundedAmount: 500, status: 'partially_refunded' })).toBe(1000);
    expect(refundableAmount({ amount: 1500, refundedAmount: 0, status: 'pending' })).toBe(0);
    expect(refundableAmount({ amount: 1500, refundedAmount: 1500, status: 'refunded' })).toBe(0);
  });

  it('holds the amount of refunds still waiting for their provider, of that payment only', () => {
    const [p1, p2] = ['1b4e28ba-2fa1-41d2-883f-0016d3cca427', '6f9619ff-8b86-4d11-b42d-00c04fc964ff'].map(
      (id) => paymentId.parse(id),
    );
    const paid = { id: p1!, amount: 1500, refundedAmount: 300, status: 'partially_refunded' } as const;
    const refunds = [
      { paymentId: p1!, amount: 300, status: 'succeeded' },
      { paymentId: p1!, amount: 200, status: 'pending' },
      { paymentId: p1!, amount: 900, status: 'failed' },
      { paymentId: p2!, amount: 400, status: 'pending' },
    ] as const;
    expect(refundableNow(paid, refunds)).toBe(1000);
    expect(refundableNow(paid, [])).toBe(1200);
  });

  it('takes money only as whole francs', () => {
    const base = { paymentId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427', reason: 'Driver never came' };
    expect(refundInput.safeParse({ ...base, amount: 500 }).success).toBe(true);
    expect(refundInput.safeParse({ ...base, amount: 500.5 }).success).toBe(false);
    expect(refundInput.safeParse({ ...base, amount: -1 }).success).toBe(false);
  });
});

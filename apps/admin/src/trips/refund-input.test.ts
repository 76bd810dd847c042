import { describe, expect, it } from 'vitest';
import { toRefundInput } from './refund-input';

const paymentId = '0b7f9f0e-8f51-4c1e-b0a4-6b8d1f2a3c4d';

describe('toRefundInput', () => {
  it('reads an empty amount as "refund everything left"', () => {
    expect(toRefundInput(paymentId, { amount: ' ', reason: 'Driver took a long detour' })).toEqual({
      ok: true,
      input: { paymentId, reason: 'Driver took a long detour' },
    });
  });
  it('reads amounts written with spaces or commas', () => {
    const r = toRefundInput(paymentId, { amount: '1,200', reason: 'Overcharged' });
    expect(r).toEqual({ ok: true, input: { paymentId, amount: 1200, reason: 'Overcharged' } });
  });
  it('refuses fractions, zero and a missing reason', () => {
    expect(toRefundInput(paymentId, { amount: '12.5', reason: 'Overcharged' })).toEqual({
      ok: false,
      field: 'amount',
    });
    expect(toRefundInput(paymentId, { amount: '0', reason: 'Overcharged' })).toEqual({
      ok: false,
      field: 'amount',
    });
    expect(toRefundInput(paymentId, { amount: '100', reason: 'x' })).toEqual({ ok: false, field: 'reason' });
  });
});

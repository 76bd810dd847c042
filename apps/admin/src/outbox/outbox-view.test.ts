import { describe, expect, it } from 'vitest';
import { isSandbox, outboxRequest, outboxState, outboxSummary } from './outbox-view';

describe('outbox view', () => {
  it('tells waiting, retrying, sent and dead apart', () => {
    expect(outboxState({ status: 'pending', attempts: 0 })).toBe('waiting');
    expect(outboxState({ status: 'pending', attempts: 2 })).toBe('retrying');
    expect(outboxState({ status: 'sent', attempts: 1 })).toBe('sent');
    expect(outboxState({ status: 'dead', attempts: 6 })).toBe('dead');
  });
  it('marks what the sandbox recorded instead of sending', () => {
    expect(isSandbox({ result: { sandbox: true } })).toBe(true);
    expect(isSandbox({ result: { provider: 'sendgrid', status: 202 } })).toBe(false);
    expect(isSandbox({ result: null })).toBe(false);
  });
  it('filters "retrying" as the pending messages', () => {
    expect(outboxRequest('all').path).toBe('/api/admin/outbox?limit=200');
    expect(outboxRequest('retrying').path).toBe('/api/admin/outbox?limit=200&status=pending');
    expect(outboxRequest('dead', 50).path).toBe('/api/admin/outbox?limit=50&status=dead');
  });
  it('summarises an on-call page by its subject line', () => {
    const text = 'KigaliGo alert: Redis unreachable\nRedis is unreachable: …';
    expect(outboxSummary({ topic: 'alert.webhook', payload: { text, kigaligo: {} } })).toEqual({
      key: 'outbox.what.alert',
      vars: { subject: 'KigaliGo alert: Redis unreachable' },
    });
  });
  it('summarises each topic from its payload', () => {
    expect(outboxSummary({ topic: 'email', payload: { to: 'a@b.rw', subject: 'Hi', text: '…' } })).toEqual({
      key: 'outbox.what.email',
      vars: { to: 'a@b.rw', subject: 'Hi' },
    });
    expect(
      outboxSummary({ topic: 'push', payload: { tokens: ['x', 'y'], title: 'Refund issued' } }).vars,
    ).toEqual({
      title: 'Refund issued',
      count: 2,
    });
    expect(
      outboxSummary({
        topic: 'payment.charge',
        payload: { paymentId: '0b7f9f0e-8f51-4c1e-b0a4-6b8d1f2a3c4d', provider: 'mtn_momo' },
      }).vars,
    ).toEqual({ provider: 'mtn_momo', payment: '0b7f9f0e' });
    expect(outboxSummary({ topic: 'something.else', payload: 42 }).key).toBeNull();
  });
});

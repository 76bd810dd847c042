import { describe, expect, it } from 'vitest';
import { expiryInFuture, sandboxCardRequest, sandboxTestCard } from './sandbox-card';

describe('sandbox test cards', () => {
  it('knows Stripe’s test numbers however they are spaced, and nothing else', () => {
    expect(sandboxTestCard('4242 4242 4242 4242')?.outcome).toBe('succeeds');
    expect(sandboxTestCard('4000-0027-6000-3184')?.outcome).toBe('authenticate');
    expect(sandboxTestCard('5555555555554444')).toBeUndefined();
  });

  it('reads an expiry as valid through the end of its month', () => {
    const now = new Date('2026-12-04T10:00:00Z');
    expect(expiryInFuture('12/26', now)).toBe(true);
    expect(expiryInFuture('11/26', now)).toBe(false);
    expect(expiryInFuture('01 / 27', now)).toBe(true);
  });

  it('refuses a malformed form with the field at fault', () => {
    const bad = sandboxCardRequest.safeParse({ number: '4242', expiry: '13/30', cvc: '12' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path[0]).sort()).toEqual(['cvc', 'expiry', 'number']);
    expect(
      sandboxCardRequest.parse({ number: '4242 4242 4242 4242', expiry: '12/30', cvc: '123' }).number,
    ).toBe('4242424242424242');
  });
});

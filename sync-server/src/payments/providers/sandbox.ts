import type { PaymentProvider, PaymentProviderName } from './types';

/**
 * With no credentials nothing leaves the machine: every charge and refund succeeds at once (a card entered in
 * the app waits for its test card form), deterministically
 * (the reference is derived from the idempotency key, so a retry gets the same answer), and the outbox row's
 * result records exactly what would have been sent. A newcomer sees the whole flow in the admin app.
 */
export function sandboxProvider(name: PaymentProviderName): PaymentProvider {
  return {
    name,
    sandbox: true,
    async charge(r) {
      const wouldSend = {
        kind: 'charge',
        amount: r.amount,
        currency: 'RWF',
        idempotencyKey: r.idempotencyKey,
        ...(r.payerPhone ? { payerPhone: r.payerPhone } : {}),
        ...(r.paymentMethodId ? { paymentMethodId: r.paymentMethodId } : {}),
      };
      // A card with no payment method waits for the rider, as a Stripe intent does: the app's labelled test
      // card form confirms it (`POST /api/payments/:id/sandbox-card`).
      if (name === 'stripe' && !r.paymentMethodId) {
        return {
          status: 'pending',
          providerRef: `sandbox_${name}_${r.idempotencyKey}`,
          details: { sandbox: true, awaitingCard: true, wouldSend },
        };
      }
      return {
        status: 'succeeded',
        providerRef: `sandbox_${name}_${r.idempotencyKey}`,
        details: { sandbox: true, wouldSend },
      };
    },
    async refund(r) {
      return {
        status: 'succeeded',
        providerRef: `sandbox_${name}_refund_${r.idempotencyKey}`,
        details: {
          sandbox: true,
          wouldSend: {
            kind: 'refund',
            amount: r.amount,
            currency: 'RWF',
            idempotencyKey: r.idempotencyKey,
            of: r.paymentProviderRef,
          },
        },
      };
    },
  };
}

/**
 * A network we cannot collect from in this deployment (e.g. Airtel Money while only MTN MoMo has credentials):
 * the charge fails at once with a reason the rider can act on (pay another way), instead of pretending.
 */
export function unavailableProvider(name: PaymentProviderName, reason: string): PaymentProvider {
  const failed = async () => ({
    status: 'failed' as const,
    providerRef: null,
    failureReason: reason,
    details: { reason },
  });
  return { name, sandbox: false, charge: failed, refund: failed };
}

import type { PaymentProvider } from './types';

/**
 * Cash changes hands between rider and driver: a charge is confirmed by the driver (payment-service
 * settleCash), never sent anywhere. A cash refund is paid back by the operator's office (cash or their own
 * mobile money), so the "provider call" is the instruction recorded in the outbox for the admin who pays it.
 */
export const cashProvider: PaymentProvider = {
  name: 'cash',
  sandbox: false,
  async charge() {
    // Only reachable if someone enqueues a charge for a cash payment by hand: the driver confirms cash.
    return {
      status: 'pending',
      providerRef: null,
      details: { provider: 'cash', awaiting: 'driver confirmation' },
    };
  },
  async refund(r) {
    return {
      status: 'succeeded',
      providerRef: `cash_refund_${r.idempotencyKey}`,
      details: {
        provider: 'cash',
        instruction: `Pay back ${r.amount} RWF in cash to the rider`,
        ...(r.payerPhone ? { payerPhone: r.payerPhone } : {}),
      },
    };
  },
};

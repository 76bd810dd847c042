import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payments } from '../db/schema';
import { settleIfTripCancelled } from './cancellation';
import { paidAnotherWay, refundDuplicate } from './duplicate-payment';
import { lockPayment, type PaymentRow, transitionPayment } from './payment-state';
import type { OutcomeResult } from './provider-result';

/** Applies a provider's (or webhook's) final or interim answer; shared with the Stripe webhook. */
export async function applyChargeOutcome(tx: Db, outcome: OutcomeResult): Promise<PaymentRow | undefined> {
  if (outcome.status === 'succeeded') {
    // The lock first: a replacement of this payment committed while we waited for it is then seen.
    const locked = await lockPayment(tx, outcome.paymentId);
    const duplicate = locked !== undefined && (await paidAnotherWay(tx, locked));
    const row = await transitionPayment(tx, outcome.paymentId, 'succeeded', {
      providerRef: outcome.providerRef,
      receipt: !duplicate,
    });
    if (row && duplicate) await refundDuplicate(tx, row);
    else if (row) await settleIfTripCancelled(tx, row);
    return row;
  }
  if (outcome.status === 'failed') {
    return transitionPayment(tx, outcome.paymentId, 'failed', {
      providerRef: outcome.providerRef,
      failureReason: outcome.failureReason ?? 'declined',
    });
  }
  // Still pending (a Stripe intent waiting for the rider): remember the provider's id for its webhook.
  if (outcome.providerRef) {
    await tx
      .update(payments)
      .set({ providerRef: outcome.providerRef, updatedAt: new Date() })
      .where(eq(payments.id, outcome.paymentId));
  }
  return undefined;
}

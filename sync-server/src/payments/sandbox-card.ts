import { expiryInFuture, type SandboxCardRequest, sandboxTestCard } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { outbox } from '../db/schema';
import { badRequest, conflict, notFound } from '../domain-error';
import { applyChargeOutcome } from './charge-outcome';
import { lockPayment, type PaymentRow } from './payment-state';

export interface SandboxCardOutcome {
  payment: PaymentRow;
  /** The card asks for a (test) 3-D Secure step: send the form again with the rider's answer. */
  authenticate: boolean;
}

/** Whether the card charge went to the sandbox and waits there for a card (not to Stripe). */
async function awaitsSandboxCard(tx: Db, paymentId: string): Promise<boolean> {
  const [row] = await tx
    .select({ result: outbox.result })
    .from(outbox)
    .where(eq(outbox.idempotencyKey, `payment:${paymentId}:charge`));
  const result = row?.result as { sandbox?: unknown; response?: { awaitingCard?: unknown } } | null;
  return result?.sandbox === true && result.response?.awaitingCard === true;
}

/**
 * The sandbox's answer to a test card entered for a card payment waiting for its rider: Stripe's test numbers
 * behave as they do in Stripe test mode (paid, declined, a 3-D Secure step that can be completed or failed),
 * any other number is refused and never stored. The outcome goes through the same path as a Stripe webhook's.
 */
export async function confirmSandboxCard(
  tx: Db,
  input: { paymentId: string; payerId: string; card: SandboxCardRequest; now: Date },
): Promise<SandboxCardOutcome> {
  const payment = await lockPayment(tx, input.paymentId);
  // Someone else's payment is "not found", as their trips are.
  if (!payment || payment.payerId !== input.payerId) throw notFound('No such payment');
  if (payment.method !== 'card' || payment.status !== 'processing')
    throw conflict('not_awaiting_card', 'This payment is not waiting for a card');
  if (!(await awaitsSandboxCard(tx, payment.id)))
    throw conflict('not_sandbox', 'Cards are taken by Stripe here, not by the test card form');
  const card = sandboxTestCard(input.card.number);
  if (!card)
    throw badRequest('The sandbox takes test cards only, such as 4242 4242 4242 4242', [
      { path: 'number', message: 'Not a test card' },
    ]);
  if (!expiryInFuture(input.card.expiry, input.now))
    throw badRequest('This card has expired', [{ path: 'expiry', message: 'In the past' }]);
  if (card.outcome === 'authenticate' && !input.card.authentication) return { payment, authenticate: true };

  const providerRef = payment.providerRef ?? `sandbox_stripe_${payment.idempotencyKey}`;
  const failure =
    card.outcome === 'declined'
      ? 'Your card was declined.'
      : card.outcome === 'insufficient_funds'
        ? 'Your card has insufficient funds.'
        : input.card.authentication === 'fail'
          ? 'The card’s authentication failed.'
          : null;
  const outcome = {
    paymentId: payment.id,
    tripId: payment.tripId,
    providerRef,
    ...(failure ? { status: 'failed' as const, failureReason: failure } : { status: 'succeeded' as const }),
  };
  const moved = await applyChargeOutcome(tx, outcome);
  return { payment: moved ?? payment, authenticate: false };
}

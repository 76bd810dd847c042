import { randomUUID } from 'node:crypto';
import { mobileMoneyNetwork, type PaymentMethod, type PaymentSummary } from '@kigaligo/domain';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payments, trips } from '../db/schema';
import { badRequest, conflict, DomainError, forbidden, notFound } from '../domain-error';
import { enqueueMany } from '../outbox/enqueue';
import type { PaymentProviderName } from '../outbox/topics';
import { settleCancelledPayment } from './cancellation';
import { livePaymentStatuses, type PaymentRow, transitionPayment } from './payment-state';

export type { PaymentRow } from './payment-state';

export interface StartPaymentInput {
  tripId: string;
  payerId: string;
  method: PaymentMethod;
  /** Whole RWF. */
  amount: number;
  /** Required for mobile money: the MSISDN to collect from (+2507…). */
  payerPhone?: string | undefined;
  /** Card only: a Stripe PaymentMethod id collected by Stripe.js. */
  paymentMethodId?: string | undefined;
  /** The rider's Idempotency-Key (already scoped to them); default: a fresh UUID per payment. */
  idempotencyKey?: string | undefined;
}

/**
 * Cash not yet handed over, or a card waiting for the rider to enter it (a card booking made offline: cards
 * need the network, so the rider may pay by cash or mobile money instead). Should the card still go through
 * later (confirmed in another tab), that duplicate is refunded on its own (applyChargeOutcome).
 */
function waitsForThePayer(p: PaymentRow): boolean {
  return (
    (p.method === 'cash' && p.status === 'pending') || (p.method === 'card' && p.status === 'processing')
  );
}

function providerFor(method: PaymentMethod, payerPhone: string | undefined): PaymentProviderName {
  if (method === 'card') return 'stripe';
  if (method === 'cash') return 'cash';
  if (!payerPhone) throw badRequest('Enter the mobile-money number to pay from');
  return mobileMoneyNetwork(payerPhone);
}

/**
 * Creates the trip's payment and, for card and mobile money, the provider call in the outbox — in the caller's
 * transaction, so the trip, the payment and the charge commit together or not at all. Cash waits for the
 * driver (settleCash). Idempotent: the trip's live payment with the same method is returned as it is; one
 * that waits for the payer (see waitsForThePayer) may be replaced by paying another way; anything else live
 * is a 409.
 */
export async function startPayment(tx: Db, input: StartPaymentInput): Promise<PaymentRow> {
  if (!Number.isInteger(input.amount) || input.amount <= 0)
    throw badRequest('A payment needs a positive amount');
  // The trip's row lock serialises concurrent payment attempts for one trip.
  const [trip] = await tx
    .select({ id: trips.id })
    .from(trips)
    .where(eq(trips.id, input.tripId))
    .for('update');
  if (!trip) throw notFound('No such trip');
  if (input.idempotencyKey) {
    const [same] = await tx.select().from(payments).where(eq(payments.idempotencyKey, input.idempotencyKey));
    if (same) {
      // The same refusal as the Idempotency-Key middleware's (422), which this outlives: its answers are
      // forgotten after 24 h, a payment's key never is.
      if (same.tripId !== input.tripId)
        throw new DomainError(
          'unprocessable',
          'idempotency_key_reused',
          'This Idempotency-Key paid another trip',
        );
      return same;
    }
  }
  const [live] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.tripId, input.tripId), inArray(payments.status, livePaymentStatuses)))
    .orderBy(desc(payments.createdAt))
    .limit(1);
  if (live) {
    if (live.method === input.method) return live;
    if (waitsForThePayer(live)) {
      await transitionPayment(tx, live.id, 'failed', { failureReason: 'replaced' });
    } else {
      throw conflict('payment_exists', `This trip is already being paid by ${live.method.replace('_', ' ')}`);
    }
  }
  const [row] = await startNewTripPayments(tx, [input]);
  return row!;
}

/**
 * Creates payments (one statement) and their provider calls in the outbox (one statement) for trips that have
 * none: trips a booking created in this same transaction, which no other transaction sees, so there is
 * nothing to lock or look up (startPayment does that for every other caller). Returns the rows in `inputs`' order.
 */
export async function startNewTripPayments(
  tx: Db,
  inputs: readonly StartPaymentInput[],
): Promise<PaymentRow[]> {
  if (inputs.length === 0) return [];
  const providers = inputs.map((input) => providerFor(input.method, input.payerPhone));
  const rows = await tx
    .insert(payments)
    .values(
      inputs.map((input, i) => ({
        tripId: input.tripId,
        payerId: input.payerId,
        method: input.method,
        amount: input.amount,
        provider: providers[i]!,
        payerPhone: input.method === 'mobile_money' ? (input.payerPhone ?? null) : null,
        // A UUID: MTN MoMo takes it as X-Reference-Id, Stripe as Idempotency-Key.
        idempotencyKey: input.idempotencyKey ?? randomUUID(),
      })),
    )
    .returning();
  // RETURNING gives no promise of order: match the rows back by their trips (one new payment per trip).
  const byTrip = new Map(rows.map((r) => [r.tripId, r]));
  const ordered = inputs.map((input) => byTrip.get(input.tripId)!);
  await enqueueMany(
    tx,
    'payment.charge',
    ordered.flatMap((row, i) => {
      const input = inputs[i]!;
      if (providers[i] === 'cash') return [];
      const payload = {
        paymentId: row.id,
        provider: providers[i],
        ...(input.method === 'card' && input.paymentMethodId
          ? { paymentMethodId: input.paymentMethodId }
          : {}),
      };
      return [{ payload, idempotencyKey: `payment:${row.id}:charge` }];
    }),
  );
  return ordered;
}

/** The assigned driver confirms the cash was received. Repeating it is harmless. */
export async function settleCash(tx: Db, tripId: string, driverId: string): Promise<PaymentRow> {
  const [trip] = await tx.select({ driverId: trips.driverId }).from(trips).where(eq(trips.id, tripId));
  if (!trip) throw notFound('No such trip');
  if (trip.driverId !== driverId) throw forbidden('Only the assigned driver can confirm cash');
  const [cash] = await tx
    .select()
    .from(payments)
    .where(
      and(
        eq(payments.tripId, tripId),
        eq(payments.method, 'cash'),
        inArray(payments.status, livePaymentStatuses),
      ),
    )
    .orderBy(desc(payments.createdAt))
    .limit(1)
    .for('update');
  if (!cash) throw conflict('no_cash_payment', 'This trip is not paid in cash');
  if (cash.status !== 'pending') return cash;
  const settled = await transitionPayment(tx, cash.id, 'succeeded', { providerRef: `cash:${driverId}` });
  return settled ?? cash;
}

/**
 * A trip was cancelled with `fee` to pay: every live payment keeps at most the fee. Uncharged payments shrink
 * to the fee (or are voided), collected ones are refunded the excess through their provider, charges still at
 * the provider are settled when they become final. Returns the trip's payment summary afterwards.
 */
export async function settleCancellation(
  tx: Db,
  tripId: string,
  fee: number,
  actorId: string,
): Promise<PaymentSummary | null> {
  const live = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.tripId, tripId), inArray(payments.status, livePaymentStatuses)))
    .for('update');
  for (const payment of live) await settleCancelledPayment(tx, payment, fee, actorId);
  return paymentSummary(tx, tripId);
}

/** The trip's current payment (the live one, else the latest attempt) as riders and drivers see it. */
export async function paymentSummary(tx: Db, tripId: string): Promise<PaymentSummary | null> {
  const rows = await tx
    .select()
    .from(payments)
    .where(eq(payments.tripId, tripId))
    .orderBy(desc(payments.createdAt));
  const current = rows.find((p) => (livePaymentStatuses as readonly string[]).includes(p.status)) ?? rows[0];
  if (!current) return null;
  return {
    method: current.method,
    status: current.status,
    amount: current.amount,
    refundedAmount: current.refundedAmount,
  };
}

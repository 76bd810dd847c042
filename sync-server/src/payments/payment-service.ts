import { randomUUID } from 'node:crypto';
import { mobileMoneyNetwork, type PaymentMethod, type PaymentSummary } from '@kigaligo/domain';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Db, resultRows } from '../db/client';
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
  const [created] = await startNewTripPayments(tx, [input]);
  const [row] = await tx.select().from(payments).where(eq(payments.id, created!.id));
  return row!;
}

/**
 * Creates payments and their provider calls in the outbox, one statement each, for trips without a live
 * payment: startPayment's, after its checks, and those a booking created in this same transaction, which no
 * other transaction sees (nothing to lock or look up). The rows travel as one JSON parameter, so the
 * statement's text is the same for any number of payments. Returns their ids in `inputs`' order.
 */
export async function startNewTripPayments(
  tx: Db,
  inputs: readonly StartPaymentInput[],
): Promise<{ id: string; tripId: string }[]> {
  if (inputs.length === 0) return [];
  const rows = inputs.map((input) => ({
    trip_id: input.tripId,
    payer_id: input.payerId,
    method: input.method,
    amount: input.amount,
    provider: providerFor(input.method, input.payerPhone),
    payer_phone: input.method === 'mobile_money' ? (input.payerPhone ?? null) : null,
    // A UUID: MTN MoMo takes it as X-Reference-Id, Stripe as Idempotency-Key.
    idempotency_key: input.idempotencyKey ?? randomUUID(),
  }));
  const created = resultRows<{ id: string; trip_id: string }>(
    await tx.execute(sql`
      insert into ${payments} (trip_id, payer_id, method, amount, provider, payer_phone, idempotency_key)
      select trip_id, payer_id, method, amount, provider, payer_phone, idempotency_key
      from json_to_recordset(${JSON.stringify(rows)}::json) as x(trip_id uuid, payer_id uuid,
        method payment_method, amount integer, provider text, payer_phone text, idempotency_key text)
      returning id, trip_id`),
  );
  // RETURNING gives no promise of order: matched back by trip (one new payment per trip).
  const idOf = new Map(created.map((r) => [r.trip_id, r.id]));
  const ordered = inputs.map((input) => ({ id: idOf.get(input.tripId)!, tripId: input.tripId }));
  await enqueueMany(
    tx,
    'payment.charge',
    ordered.flatMap(({ id }, i) => {
      const input = inputs[i]!;
      const provider = rows[i]!.provider;
      if (provider === 'cash') return [];
      const payload = {
        paymentId: id,
        provider,
        ...(input.method === 'card' && input.paymentMethodId
          ? { paymentMethodId: input.paymentMethodId }
          : {}),
      };
      return [{ payload, idempotencyKey: `payment:${id}:charge` }];
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

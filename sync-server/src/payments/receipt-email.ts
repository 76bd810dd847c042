import { fareLines, type Place, placeName, receiptNumber } from '@kigaligo/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { trips } from '../db/schema';
import { notifyUser } from '../notifications/notify-user';
import type { PaymentRow } from './payment-state';

/**
 * Emails the payer the receipt of a payment that just succeeded, in their language, through the outbox (in
 * the transaction that records the success): once per payment, however often the success is reported.
 */
export async function emailReceipt(tx: Db, payment: PaymentRow): Promise<void> {
  const [trip] = await tx.select().from(trips).where(eq(trips.id, payment.tripId));
  if (!trip) return;
  const lines = fareLines(trip.kind, trip.distanceMeters, payment.amount, trip.cancellationFee);
  await notifyUser(
    tx,
    payment.payerId,
    'payment_receipt',
    {
      number: receiptNumber(trip.id, payment.createdAt.toISOString()),
      from: placeName(trip.origin as Place),
      to: placeName(trip.destination as Place),
      amount: payment.amount,
      method: payment.method,
      lines: JSON.stringify(lines),
    },
    `payment:${payment.id}:receipt`,
    { channels: 'email' },
  );
}

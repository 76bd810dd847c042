import { type TripDetail, type TripView, tripDetail } from '@kigaligo/domain';
import { asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import { payments, refunds, tripEvents } from '../db/schema';

/** `GET /api/trips/:id`: the view plus its events, payments and refunds, oldest first. */
export async function loadTripDetail(db: Db, view: TripView): Promise<TripDetail> {
  const events = await db
    .select()
    .from(tripEvents)
    .where(eq(tripEvents.tripId, view.id))
    .orderBy(asc(tripEvents.createdAt));
  const paid = await db
    .select()
    .from(payments)
    .where(eq(payments.tripId, view.id))
    .orderBy(asc(payments.createdAt));
  const refunded = paid.length
    ? await db
        .select()
        .from(refunds)
        .where(
          inArray(
            refunds.paymentId,
            paid.map((p) => p.id),
          ),
        )
        .orderBy(asc(refunds.createdAt))
    : [];
  return tripDetail.parse({
    trip: view,
    events: events.map((e) => ({
      id: e.id,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorId: e.actorId,
      at: e.createdAt.toISOString(),
    })),
    payments: paid.map((p) => ({
      id: p.id,
      tripId: p.tripId,
      payerId: p.payerId,
      method: p.method,
      amount: p.amount,
      refundedAmount: p.refundedAmount,
      status: p.status,
      createdAt: p.createdAt.toISOString(),
      provider: p.provider,
      providerRef: p.providerRef,
      failureReason: p.failureReason,
      updatedAt: p.updatedAt.toISOString(),
    })),
    refunds: refunded.map((r) => ({
      id: r.id,
      paymentId: r.paymentId,
      amount: r.amount,
      reason: r.reason,
      status: r.status,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      providerRef: r.providerRef,
      failureReason: r.failureReason,
    })),
  });
}

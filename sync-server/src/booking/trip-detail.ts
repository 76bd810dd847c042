import { type TripDetail, type TripView, tripDetail } from '@kigaligo/domain';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { disputes, outbox, payments, refunds, tripEvents } from '../db/schema';
import { outboxView } from '../outbox/outbox-view';

/**
 * `GET /api/trips/:id`: the view plus its events, payments and refunds, oldest first, and for admins the
 * payments' disputes and provider calls.
 */
export async function loadTripDetail(
  db: Db,
  view: TripView,
  /** Admins also see the card disputes and the provider calls (the reconcile history). */
  opts: { admin?: boolean } = {},
): Promise<TripDetail> {
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
  const disputed =
    opts.admin && paid.length
      ? await db
          .select()
          .from(disputes)
          .where(
            inArray(
              disputes.paymentId,
              paid.map((p) => p.id),
            ),
          )
          .orderBy(asc(disputes.createdAt))
      : undefined;
  const calls =
    opts.admin && paid.length
      ? await db
          .select()
          .from(outbox)
          .where(
            and(
              inArray(outbox.topic, ['payment.charge', 'payment.recheck', 'payment.refund']),
              inArray(
                sql<string>`${outbox.payload}->>'paymentId'`,
                paid.map((p) => p.id),
              ),
            ),
          )
          .orderBy(asc(outbox.createdAt))
      : undefined;
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
      origin: r.origin,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      providerRef: r.providerRef,
      failureReason: r.failureReason,
    })),
    ...(calls ? { providerCalls: calls.map(outboxView) } : {}),
    ...(opts.admin
      ? {
          disputes: (disputed ?? []).map((d) => ({
            id: d.id,
            paymentId: d.paymentId,
            providerRef: d.providerRef,
            amount: d.amount,
            reason: d.reason,
            status: d.status,
            openedAt: d.createdAt.toISOString(),
            closedAt: d.closedAt?.toISOString() ?? null,
          })),
        }
      : {}),
  });
}

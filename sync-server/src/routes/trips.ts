import {
  bookingIntent,
  bookingResponse,
  driverActionInput,
  driverActionResult,
  receiptOf,
  tripDetail,
  tripListQuery,
  tripReceipt,
  tripView,
} from '@kigaligo/domain';
import { and, eq, type SQL } from 'drizzle-orm';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env';
import type { AccessClaims } from '../auth/tokens';
import { cancelTrip } from '../booking/cancel-trip';
import { applyDriverAction } from '../booking/driver-actions';
import { decisionFor } from '../booking/trip-decision';
import { loadTripDetail } from '../booking/trip-detail';
import { loadTripView, loadTripViews } from '../booking/trip-view';
import { trips, users } from '../db/schema';
import { badRequest, conflict, DomainError, notFound } from '../domain-error';
import { documented } from '../http/api-docs';
import { requireAuth, requireRole } from '../http/auth-middleware';
import { jsonBody, query } from '../http/validate';

const tripIdParam = z.uuid();

/** Who may see a trip: its rider, its current driver, admins. Anyone else gets the same 404 as for no trip. */
async function visibleTrip(
  c: { var: { deps: AppEnv['Variables']['deps']; auth: AccessClaims } },
  id: string,
) {
  if (!tripIdParam.safeParse(id).success) throw notFound('No such trip');
  const view = await loadTripView(c.var.deps.database.db, id);
  const { userId, role } = c.var.auth;
  if (!view || (role !== 'admin' && view.riderId !== userId && view.driverId !== userId)) {
    throw notFound('No such trip');
  }
  return view;
}

export const tripRoutes = new Hono<AppEnv>()
  .use(requireAuth)
  .post(
    '/',
    documented({
      summary: 'Book a moto or car',
      description:
        'The body is a booking intent; its id makes it idempotent: 201 confirmed, 200 the same intent again, 422 idempotency_key_reused for the same id with another trip. Turned down: 409 with code no_vehicle_available | stale | outside_service_area | account_suspended.',
      audience: 'rider',
      ok: { 201: bookingResponse, 200: bookingResponse },
      errors: [400, 409, 422],
    }),
    requireRole('rider'),
    jsonBody(bookingIntent),
    async (c) => {
      const intent = c.req.valid('json');
      if (intent.cancelRequestedAt) {
        throw badRequest(
          'This booking is already cancelled; cancel a booked trip with POST /api/trips/:id/cancel',
        );
      }
      const { db } = c.var.deps.database;
      const outcome = await c.var.deps.bookings.book(c.var.auth.userId, intent);
      await c.var.deps.tripDocs.refresh(outcome.tripId);
      const view = (await loadTripView(db, outcome.tripId))!;
      const decision = decisionFor(view);
      if (!decision) throw new DomainError('internal', 'internal', 'The booking has no decision');
      if (decision.status === 'rejected') throw conflict(decision.reason, decision.message);
      return c.json({ decision, trip: view }, outcome.replay ? 200 : 201);
    },
  )
  .get(
    '/',
    documented({
      summary: 'Trips, newest first',
      description: 'Riders see their own, drivers those assigned to them, admins all.',
      audience: 'any',
      ok: { 200: z.object({ trips: z.array(tripView) }) },
      errors: [400],
    }),
    query(tripListQuery),
    async (c) => {
      const { status, limit } = c.req.valid('query');
      const { userId, role } = c.var.auth;
      const scope: SQL | undefined =
        role === 'rider'
          ? eq(trips.riderId, userId)
          : role === 'driver'
            ? eq(trips.driverId, userId)
            : undefined;
      const where = and(scope, status ? eq(trips.status, status) : undefined);
      return c.json({ trips: await loadTripViews(c.var.deps.database.db, where, limit) });
    },
  )
  .get(
    '/:id',
    documented({
      summary: 'A trip with its events, payments and refunds',
      description:
        'Its rider, its driver and admins see it; anyone else gets 404. Admins also get the card disputes.',
      audience: 'any',
      ok: { 200: tripDetail },
      errors: [404],
    }),
    async (c) => {
      const view = await visibleTrip(c, c.req.param('id'));
      const admin = c.var.auth.role === 'admin';
      return c.json(await loadTripDetail(c.var.deps.database.db, view, { admin }));
    },
  )
  .get(
    '/:id/receipt',
    documented({
      summary: 'The receipt of a paid trip: fare breakdown, payments and refunds',
      description: 'Its rider and admins; anyone else 404. Nothing collected yet: 409 not_paid.',
      audience: 'rider or admin',
      ok: { 200: tripReceipt },
      errors: [404, 409],
    }),
    async (c) => {
      const view = await visibleTrip(c, c.req.param('id'));
      const { role } = c.var.auth;
      // The driver sees the trip, not what its rider paid by which means.
      if (role !== 'admin' && view.riderId !== c.var.auth.userId) throw notFound('No such trip');
      const { db } = c.var.deps.database;
      const [rider] = await db.select({ name: users.name }).from(users).where(eq(users.id, view.riderId));
      const receipt = receiptOf(await loadTripDetail(db, view), rider?.name ?? view.riderName);
      if (!receipt) throw conflict('not_paid', 'Nothing has been paid for this trip yet');
      return c.json(receipt);
    },
  )
  .post(
    '/:id/actions',
    documented({
      summary: 'The assigned driver accepts, declines, arrives, starts or completes',
      description:
        'cashCollected settles a cash trip. The action id makes replays no-ops; an impossible step is 409 invalid_transition.',
      audience: 'driver',
      ok: { 200: z.object({ result: driverActionResult }) },
      errors: [400, 404, 409],
    }),
    requireRole('driver'),
    jsonBody(driverActionInput),
    async (c) => {
      const input = c.req.valid('json');
      if (input.tripId !== c.req.param('id')) throw badRequest('The action names another trip than the URL');
      const { db } = c.var.deps.database;
      const result = await db.transaction((tx) =>
        applyDriverAction(tx, c.var.auth.userId, input, new Date(), c.var.deps.dispatch),
      );
      await c.var.deps.tripDocs.refresh(input.tripId);
      return c.json({ result });
    },
  )
  .post(
    '/:id/cancel',
    documented({
      summary: 'The rider cancels',
      description:
        'Free until the driver has arrived, then the cancellation fee; again is a no-op; started or finished trips: 409 invalid_transition.',
      audience: 'rider',
      ok: { 200: z.object({ trip: tripView }) },
      errors: [404, 409],
    }),
    requireRole('rider'),
    async (c) => {
      const id = c.req.param('id');
      if (!tripIdParam.safeParse(id).success) throw notFound('No such trip');
      const { db } = c.var.deps.database;
      await db.transaction((tx) => cancelTrip(tx, c.var.auth.userId, id));
      await c.var.deps.tripDocs.refresh(id);
      return c.json({ trip: await loadTripView(db, id) });
    },
  );

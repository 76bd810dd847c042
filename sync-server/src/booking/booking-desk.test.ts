import { randomUUID } from 'node:crypto';
import { defaultDispatchPolicy } from '@kigaligo/domain';
import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { payments, tripEvents, tripOffers, trips } from '../db/schema';
import { DomainError } from '../domain-error';
import { createTestApp, type TestApp, testServiceArea } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import {
  CITY_CENTRE,
  makeDriverOnShift,
  makeIntent,
  makeUser,
  parkFleet,
} from '../test-support/trip-fixtures';
import { BookingDesk } from './booking-desk';

describe.each(testDatabaseKinds)('booking desk on %s', (kind) => {
  let t: TestApp;
  let desk: BookingDesk;
  beforeAll(async () => {
    t = await createTestApp(kind);
    desk = new BookingDesk(t.database.db, defaultDispatchPolicy, () => testServiceArea);
  });
  afterAll(() => t.dispose());
  beforeEach(() => parkFleet(t.database.db));

  it('decides riders booking together first come, first served: the first gets the nearest moto', async () => {
    const { db } = t.database;
    const near = await makeDriverOnShift(db, t.deps.jwtSecret);
    const far = await makeDriverOnShift(db, t.deps.jwtSecret, {
      at: { lat: CITY_CENTRE.lat + 0.01, lon: CITY_CENTRE.lon },
    });
    const riders = await Promise.all([1, 2, 3].map(() => makeUser(db, t.deps.jwtSecret, 'rider')));
    const results = await Promise.all(riders.map((r) => desk.book(r.id, makeIntent())));
    expect(results.map((r) => r.status)).toEqual(['assigned', 'assigned', 'rejected']);
    const rows = await db
      .select()
      .from(trips)
      .where(
        inArray(
          trips.id,
          results.map((r) => r.tripId),
        ),
      );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(results[0]!.tripId)).toMatchObject({
      vehicleId: near.vehicleId,
      driverId: near.driver.id,
    });
    expect(byId.get(results[1]!.tripId)).toMatchObject({ vehicleId: far.vehicleId, driverId: far.driver.id });
    expect(byId.get(results[2]!.tripId)).toMatchObject({
      rejectReason: 'no_vehicle_available',
      vehicleId: null,
    });
    // Each trip's history, its offer and its payment, as a booking made alone leaves them.
    const events = await db
      .select({ tripId: tripEvents.tripId, from: tripEvents.fromStatus, to: tripEvents.toStatus })
      .from(tripEvents)
      .where(inArray(tripEvents.tripId, [...byId.keys()]));
    for (const [i, r] of results.entries()) {
      const trail = events.filter((e) => e.tripId === r.tripId).map((e) => `${e.from}→${e.to}`);
      expect(trail.sort()).toEqual(
        i < 2 ? ['null→requested', 'requested→assigned'] : ['null→requested', 'requested→rejected'],
      );
    }
    const offers = await db
      .select()
      .from(tripOffers)
      .where(inArray(tripOffers.tripId, [...byId.keys()]));
    expect(offers.map((o) => o.vehicleId).sort()).toEqual([near.vehicleId, far.vehicleId].sort());
    const paid = await db
      .select()
      .from(payments)
      .where(inArray(payments.tripId, [...byId.keys()]));
    expect(paid.map((p) => p.tripId).sort()).toEqual([results[0]!.tripId, results[1]!.tripId].sort());
  });

  it('books an intent sent twice at once one time, and refuses its id to another rider alone', async () => {
    const { db } = t.database;
    await makeDriverOnShift(db, t.deps.jwtSecret);
    const [rider, other] = await Promise.all([1, 2].map(() => makeUser(db, t.deps.jwtSecret, 'rider')));
    const intent = makeIntent();
    const rewritten = { ...intent, destination: CITY_CENTRE };
    const outcomes = await Promise.allSettled([
      desk.book(rider!.id, intent),
      desk.book(rider!.id, intent),
      desk.book(other!.id, intent),
      desk.book(rider!.id, rewritten),
    ]);
    const [first, again, stolen, reused] = outcomes;
    expect(first).toMatchObject({ status: 'fulfilled', value: { replay: false, status: 'assigned' } });
    const tripId = (first as PromiseFulfilledResult<{ tripId: string }>).value.tripId;
    expect(again).toMatchObject({ status: 'fulfilled', value: { tripId, replay: true, status: 'assigned' } });
    expect((stolen as PromiseRejectedResult).reason).toMatchObject({ code: 'intent_id_taken' });
    expect((reused as PromiseRejectedResult).reason).toMatchObject({ code: 'idempotency_key_reused' });
    expect(await db.select().from(trips).where(eq(trips.intentId, intent.id))).toHaveLength(1);
  });

  it('one booking the database refuses fails alone: the riders decided with it are booked', async () => {
    const { db } = t.database;
    await Promise.all(
      [0, 1].map((i) =>
        makeDriverOnShift(db, t.deps.jwtSecret, {
          at: { lat: CITY_CENTRE.lat + i * 0.001, lon: CITY_CENTRE.lon },
        }),
      ),
    );
    const [a, b] = await Promise.all([1, 2].map(() => makeUser(db, t.deps.jwtSecret, 'rider')));
    // An account gone between sign-in and booking: its trip breaks the rider foreign key and fails the batch.
    const gone = randomUUID();
    const outcomes = await Promise.allSettled([
      desk.book(a!.id, makeIntent()),
      desk.book(gone, makeIntent()),
      desk.book(b!.id, makeIntent()),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).not.toBeInstanceOf(DomainError);
    for (const o of [outcomes[0], outcomes[2]])
      expect((o as PromiseFulfilledResult<{ status: string }>).value.status).toBe('assigned');
    expect(await db.select().from(trips).where(eq(trips.riderId, gone))).toHaveLength(0);
  });
});

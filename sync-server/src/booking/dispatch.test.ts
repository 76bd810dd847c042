import { randomUUID } from 'node:crypto';
import { docName, driverDoc, driverDocKeys, riderDoc, riderDocKeys } from '@kigaligo/sync-protocol';
import { and, eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox, payments, tripEvents, tripOffers, trips, vehicles } from '../db/schema';
import { createLogger } from '../logger';
import { storedDocMap } from '../test-support/stored-doc';
import { createTestApp, type TestApp } from '../test-support/test-app';
import { testDatabaseKinds } from '../test-support/test-databases';
import {
  CITY_CENTRE,
  makeDriverOnShift,
  makeIntent,
  makeUser,
  parkFleet,
} from '../test-support/trip-fixtures';
import { DispatchWorker } from './dispatch-worker';

type Fleet = Awaited<ReturnType<typeof makeDriverOnShift>>;

describe.each(testDatabaseKinds)('dispatch offers on %s', (kind) => {
  let t: TestApp;
  let rider: Awaited<ReturnType<typeof makeUser>>;
  let worker: DispatchWorker;
  beforeAll(async () => {
    t = await createTestApp(kind);
    rider = await makeUser(t.database.db, t.deps.jwtSecret, 'rider', 'Aline Uwase');
    worker = new DispatchWorker(t.database.db, t.deps.dispatch, t.deps.tripDocs, createLogger('silent'));
  });
  afterAll(() => t.dispose());
  // Each test sees only its own fleet and trips: a sweep "in the future" must not move an older test's offer
  // onto this test's drivers.
  beforeEach(async () => {
    const { db } = t.database;
    await db.update(tripOffers).set({ status: 'withdrawn' }).where(eq(tripOffers.status, 'offered'));
    await db
      .update(trips)
      .set({ status: 'cancelled' })
      .where(inArray(trips.status, ['requested', 'assigned', 'accepted', 'driver_arrived', 'in_progress']));
    await db.update(vehicles).set({ status: 'off_duty' }).where(eq(vehicles.status, 'on_trip'));
    await parkFleet(db);
  });

  const near = (north: number) => ({ lat: CITY_CENTRE.lat + north, lon: CITY_CENTRE.lon });
  const later = (seconds: number) => new Date(Date.now() + seconds * 1000);
  const acceptWindow = () => t.deps.dispatch.acceptSeconds;

  async function book(paymentMethod: 'cash' | 'card' = 'cash') {
    const intent = makeIntent({ paymentMethod });
    const res = await t.request('POST', '/api/trips', { body: intent, token: rider.token });
    expect(res.status).toBe(201);
    return { intent, tripId: (await res.json()).decision.tripId as string };
  }
  const act = (tripId: string, fleet: Fleet, action: string, id = randomUUID()) =>
    t.request('POST', `/api/trips/${tripId}/actions`, {
      token: fleet.driver.token,
      body: { id, tripId, action, at: new Date().toISOString() },
    });
  const tripRow = async (id: string) =>
    (await t.database.db.select().from(trips).where(eq(trips.id, id)))[0]!;
  const vehicleStatus = async (id: string) =>
    (await t.database.db.select().from(vehicles).where(eq(vehicles.id, id)))[0]!.status;
  const offerStatuses = async (tripId: string) =>
    (
      await t.database.db
        .select({ driverId: tripOffers.driverId, status: tripOffers.status, at: tripOffers.offeredAt })
        .from(tripOffers)
        .where(eq(tripOffers.tripId, tripId))
    )
      .sort((a, b) => a.at.getTime() - b.at.getTime())
      .map((o) => [o.driverId, o.status]);
  const docMap = (docName: string, key: string) => storedDocMap(t.database.db, docName, key);

  it('tells both sides how long the offer waits', async () => {
    const first = await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    const before = Date.now();
    const { intent, tripId } = await book();
    const decision = (await docMap(docName(riderDoc(rider.id)), riderDocKeys.bookingDecisions))[intent.id];
    expect(decision).toMatchObject({ tripStatus: 'assigned', offer: { attempt: 1 } });
    const expires = Date.parse(decision.offer.expiresAt);
    expect(expires - before).toBeGreaterThanOrEqual(acceptWindow() * 1000);
    expect(expires - Date.now()).toBeLessThanOrEqual(acceptWindow() * 1000);
    const assignment = (await docMap(docName(driverDoc(first.driver.id)), driverDocKeys.assignments))[tripId];
    expect(assignment).toMatchObject({ status: 'assigned', offerExpiresAt: decision.offer.expiresAt });
    // The rider's phone only reaches the driver once the ride is accepted.
    expect(assignment.riderPhone).toBeNull();
    expect((await act(tripId, first, 'accept')).status).toBe(200);
    const accepted = (await docMap(docName(driverDoc(first.driver.id)), driverDocKeys.assignments))[tripId];
    expect(accepted).toMatchObject({ status: 'accepted', riderPhone: '+250788000000' });
    expect(accepted.offerExpiresAt).toBeUndefined();
    // The rider is told the ride is confirmed when the driver accepts, not when the offer goes out.
    const confirmed = await t.database.db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, `trip:${tripId}:accepted:%`));
    expect(confirmed).toHaveLength(1);
  });

  it('moves an unanswered offer to the next vehicle when it expires, and frees the first vehicle at once', async () => {
    const first = await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    const second = await makeDriverOnShift(t.database.db, t.deps.jwtSecret, { at: near(0.01) });
    const { intent, tripId } = await book();
    expect(await tripRow(tripId)).toMatchObject({ status: 'assigned', driverId: first.driver.id });
    // Not yet: a sweep before the deadline changes nothing.
    expect(await worker.sweep(later(acceptWindow() - 2))).toBe(0);
    expect(await worker.sweep(later(acceptWindow() + 1))).toBe(1);
    expect(await tripRow(tripId)).toMatchObject({ status: 'assigned', driverId: second.driver.id });
    expect(await offerStatuses(tripId)).toEqual([
      [first.driver.id, 'expired'],
      [second.driver.id, 'offered'],
    ]);
    expect(await vehicleStatus(first.vehicleId)).toBe('available');
    expect(
      (await docMap(docName(driverDoc(first.driver.id)), driverDocKeys.assignments))[tripId],
    ).toBeUndefined();
    expect(
      (await docMap(docName(driverDoc(second.driver.id)), driverDocKeys.assignments))[tripId],
    ).toMatchObject({
      status: 'assigned',
    });
    expect(
      (await docMap(docName(riderDoc(rider.id)), riderDocKeys.bookingDecisions))[intent.id],
    ).toMatchObject({
      tripStatus: 'assigned',
      vehicle: { id: second.vehicleId },
      offer: { attempt: 2 },
    });
    // The vehicle nobody answered for is not blocked: the next booking is offered to it.
    const next = await book();
    expect(await tripRow(next.tripId)).toMatchObject({ status: 'assigned', vehicleId: first.vehicleId });
  });

  it('after a decline, offers the next vehicle; when none is left, says no driver was found and charges nothing', async () => {
    const first = await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    const second = await makeDriverOnShift(t.database.db, t.deps.jwtSecret, { at: near(0.01) });
    const { intent, tripId } = await book('card');
    expect((await act(tripId, first, 'decline')).status).toBe(200);
    expect(await tripRow(tripId)).toMatchObject({ status: 'assigned', driverId: second.driver.id });
    expect(await vehicleStatus(first.vehicleId)).toBe('available');
    await worker.sweep(later(acceptWindow() + 1));
    expect(await tripRow(tripId)).toMatchObject({ status: 'rejected', rejectReason: 'no_driver_found' });
    expect(await offerStatuses(tripId)).toEqual([
      [first.driver.id, 'declined'],
      [second.driver.id, 'expired'],
    ]);
    expect(await vehicleStatus(second.vehicleId)).toBe('available');
    const [payment] = await t.database.db.select().from(payments).where(eq(payments.tripId, tripId));
    expect(payment).toMatchObject({ method: 'card', status: 'failed', failureReason: 'trip_cancelled' });
    const decision = (await docMap(docName(riderDoc(rider.id)), riderDocKeys.bookingDecisions))[intent.id];
    expect(decision).toMatchObject({ status: 'rejected', reason: 'no_driver_found' });
    expect(decision.message).toContain('Nothing was charged');
    const told = await t.database.db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, `trip:${tripId}:no_driver:%`));
    expect(told).toHaveLength(1);
    // The rider can simply book again.
    const retry = await book('card');
    expect(await tripRow(retry.tripId)).toMatchObject({ status: 'assigned' });
  });

  it('gives up after the bounded number of offers even with vehicles left', async () => {
    const fleet: Fleet[] = [];
    for (let i = 0; i <= t.deps.dispatch.maxOffers; i++) {
      fleet.push(await makeDriverOnShift(t.database.db, t.deps.jwtSecret, { at: near(0.002 * i) }));
    }
    const { tripId } = await book();
    for (let i = 1; i <= t.deps.dispatch.maxOffers; i++) {
      await worker.sweep(later(i * (acceptWindow() + 1)));
    }
    expect(await tripRow(tripId)).toMatchObject({ status: 'rejected', rejectReason: 'no_driver_found' });
    const offers = await offerStatuses(tripId);
    expect(offers).toHaveLength(t.deps.dispatch.maxOffers);
    expect(offers.map(([driverId]) => driverId)).not.toContain(fleet.at(-1)!.driver.id);
    for (const f of fleet) expect(await vehicleStatus(f.vehicleId)).toBe('available');
  });

  it('tells a driver who accepts after expiry that the offer expired, and assigns nothing to them', async () => {
    const first = await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    const second = await makeDriverOnShift(t.database.db, t.deps.jwtSecret, { at: near(0.01) });
    const { tripId } = await book();
    // Expired but not yet swept: refused all the same.
    await t.database.db
      .update(tripOffers)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(tripOffers.tripId, tripId), eq(tripOffers.status, 'offered')));
    const early = await act(tripId, first, 'accept');
    expect(early.status).toBe(409);
    expect((await early.json()).error.code).toBe('offer_expired');
    expect(await tripRow(tripId)).toMatchObject({ status: 'assigned', driverId: first.driver.id });
    await worker.sweep();
    // Swept and offered to the next driver: the late accept (an offline phone catching up) is told why.
    const late = await act(tripId, first, 'accept');
    expect(late.status).toBe(409);
    expect((await late.json()).error).toEqual({
      code: 'offer_expired',
      message: 'This ride offer expired before you accepted it; it went to another driver.',
    });
    expect(await tripRow(tripId)).toMatchObject({ status: 'assigned', driverId: second.driver.id });
    expect((await act(tripId, second, 'accept')).status).toBe(200);
    // Someone never offered the trip still sees nothing about it.
    const stranger = await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    expect((await act(tripId, stranger, 'accept')).status).toBe(404);
  });

  it('assigns once when the old and the new driver accept at the same moment', async () => {
    const first = await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    const second = await makeDriverOnShift(t.database.db, t.deps.jwtSecret, { at: near(0.01) });
    const { tripId } = await book();
    await worker.sweep(later(acceptWindow() + 1));
    const [a, b] = await Promise.all([act(tripId, first, 'accept'), act(tripId, second, 'accept')]);
    expect([a.status, b.status]).toEqual([409, 200]);
    expect(await tripRow(tripId)).toMatchObject({ status: 'accepted', driverId: second.driver.id });
    const accepts = await t.database.db
      .select()
      .from(tripEvents)
      .where(and(eq(tripEvents.tripId, tripId), eq(tripEvents.toStatus, 'accepted')));
    expect(accepts).toHaveLength(1);
  });

  it('never lets an accept and the expiry both win', async () => {
    const first = await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    await makeDriverOnShift(t.database.db, t.deps.jwtSecret, { at: near(0.01) });
    const { tripId } = await book();
    const [accept] = await Promise.all([
      act(tripId, first, 'accept'),
      worker.sweep(later(acceptWindow() + 1)),
    ]);
    const trip = await tripRow(tripId);
    const offers = await offerStatuses(tripId);
    if (accept.status === 200) {
      expect(trip).toMatchObject({ status: 'accepted', driverId: first.driver.id });
      expect(offers).toEqual([[first.driver.id, 'accepted']]);
    } else {
      expect((await accept.json()).error.code).toBe('offer_expired');
      expect(trip.driverId).not.toBe(first.driver.id);
      expect(offers[0]).toEqual([first.driver.id, 'expired']);
    }
  });

  it('skips a driver whose phone sent no position for two minutes', async () => {
    const stale = await makeDriverOnShift(t.database.db, t.deps.jwtSecret, {
      recordedAt: new Date(Date.now() - 2 * 60_000 - 5_000),
    });
    const fresh = await makeDriverOnShift(t.database.db, t.deps.jwtSecret, { at: near(0.02) });
    const { tripId } = await book();
    expect(await tripRow(tripId)).toMatchObject({ status: 'assigned', driverId: fresh.driver.id });
    expect(await vehicleStatus(stale.vehicleId)).toBe('available');
  });

  it('withdraws the waiting offer when the rider cancels, and frees the vehicle', async () => {
    const first = await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    const { tripId } = await book();
    expect((await t.request('POST', `/api/trips/${tripId}/cancel`, { token: rider.token })).status).toBe(200);
    expect(await offerStatuses(tripId)).toEqual([[first.driver.id, 'withdrawn']]);
    expect(await vehicleStatus(first.vehicleId)).toBe('available');
    expect((await act(tripId, first, 'accept')).status).toBe(409);
    expect(await worker.sweep(later(acceptWindow() + 1))).toBe(0);
  });
});

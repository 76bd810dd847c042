import { randomUUID } from 'node:crypto';
import { CANCELLATION_FEE } from '@kigaligo/domain';
import { docName, driverDoc, driverDocKeys, riderDoc, riderDocKeys } from '@kigaligo/sync-protocol';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox, payments, tripEvents, vehicles } from '../db/schema';
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

type Fleet = Awaited<ReturnType<typeof makeDriverOnShift>>;

describe.each(testDatabaseKinds)('trip actions and cancellation on %s', (kind) => {
  let t: TestApp;
  let rider: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    rider = await makeUser(t.database.db, t.deps.jwtSecret, 'rider', 'Aline Uwase');
  });
  afterAll(() => t.dispose());
  beforeEach(() => parkFleet(t.database.db));

  const docMap = (docName: string, key: string) => storedDocMap(t.database.db, docName, key);
  async function bookOne(d?: Fleet) {
    const fleet = d ?? (await makeDriverOnShift(t.database.db, t.deps.jwtSecret));
    const intent = makeIntent();
    const res = await t.request('POST', '/api/trips', { body: intent, token: rider.token });
    expect(res.status).toBe(201);
    return { fleet, intent, tripId: (await res.json()).decision.tripId as string };
  }
  const act = (
    tripId: string,
    token: string,
    action: string,
    extra: Record<string, unknown> = {},
    id = randomUUID(),
  ) =>
    t.request('POST', `/api/trips/${tripId}/actions`, {
      token,
      body: { id, tripId, action, at: new Date().toISOString(), ...extra },
    });
  const cancel = (tripId: string, token = rider.token) =>
    t.request('POST', `/api/trips/${tripId}/cancel`, { token });
  const paymentOf = async (tripId: string) =>
    (await t.database.db.select().from(payments).where(eq(payments.tripId, tripId)))[0]!;
  const vehicleStatus = async (id: string) =>
    (await t.database.db.select().from(vehicles).where(eq(vehicles.id, id)))[0]!.status;

  it('runs a cash trip from accept to complete, settles the cash and frees the vehicle', async () => {
    const { fleet, intent, tripId } = await bookOne();
    const token = fleet.driver.token;
    for (const [action, status] of [
      ['accept', 'accepted'],
      ['arrive', 'driver_arrived'],
      ['start', 'in_progress'],
    ] as const) {
      const res = await act(tripId, token, action);
      expect(res.status).toBe(200);
      expect((await res.json()).result).toMatchObject({ ok: true, tripStatus: status });
    }
    const arriving = await t.database.db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, `trip:${tripId}:arrived:%`));
    expect(arriving).toHaveLength(1);
    const done = await act(tripId, token, 'complete', { cashCollected: true });
    expect((await done.json()).result).toMatchObject({ ok: true, tripStatus: 'completed' });
    expect(await paymentOf(tripId)).toMatchObject({ method: 'cash', status: 'succeeded' });
    expect(await vehicleStatus(fleet.vehicleId)).toBe('available');
    const decision = (await docMap(docName(riderDoc(rider.id)), riderDocKeys.bookingDecisions))[intent.id];
    expect(decision).toMatchObject({ tripStatus: 'completed', payment: { status: 'succeeded' } });
    const assignment = (await docMap(docName(driverDoc(fleet.driver.id)), driverDocKeys.assignments))[tripId];
    expect(assignment).toMatchObject({ status: 'completed' });
  });

  it('refuses impossible transitions with invalid_transition, and a replayed action changes nothing', async () => {
    const { fleet, tripId } = await bookOne();
    const token = fleet.driver.token;
    const early = await act(tripId, token, 'complete');
    expect(early.status).toBe(409);
    expect((await early.json()).error).toEqual({
      code: 'invalid_transition',
      message: 'Cannot complete: the trip is assigned',
    });
    const id = randomUUID();
    expect((await act(tripId, token, 'accept', {}, id)).status).toBe(200);
    const replay = await act(tripId, token, 'accept', {}, id);
    expect(replay.status).toBe(200);
    expect((await replay.json()).result).toMatchObject({ ok: true, tripStatus: 'accepted' });
    const accepted = await t.database.db.select().from(tripEvents).where(eq(tripEvents.actionId, id));
    expect(accepted).toHaveLength(1);
    expect((await act(tripId, token, 'decline')).status).toBe(409);
  });

  it('lets only the assigned driver act on a trip', async () => {
    const { tripId } = await bookOne();
    const otherDriver = await makeUser(t.database.db, t.deps.jwtSecret, 'driver');
    expect((await act(tripId, rider.token, 'accept')).status).toBe(403);
    expect((await act(tripId, otherDriver.token, 'accept')).status).toBe(404);
    const mismatch = await t.request('POST', `/api/trips/${tripId}/actions`, {
      token: otherDriver.token,
      body: { id: randomUUID(), tripId: randomUUID(), action: 'accept', at: new Date().toISOString() },
    });
    expect(mismatch.status).toBe(400);
  });

  it('gives a declined trip to the next nearest driver, and turns it down when nobody else is free', async () => {
    const first = await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    const second = await makeDriverOnShift(t.database.db, t.deps.jwtSecret, {
      at: { lat: CITY_CENTRE.lat + 0.01, lon: CITY_CENTRE.lon },
    });
    const { intent, tripId } = await bookOne(first);
    expect((await act(tripId, first.driver.token, 'decline')).status).toBe(200);
    const detail = await (await t.request('GET', `/api/trips/${tripId}`, { token: rider.token })).json();
    expect(detail.trip).toMatchObject({ status: 'assigned', vehicleId: second.vehicleId });
    expect(await vehicleStatus(first.vehicleId)).toBe('available');
    expect(
      (await docMap(docName(driverDoc(first.driver.id)), driverDocKeys.assignments))[tripId],
    ).toBeUndefined();
    expect(
      (await docMap(docName(driverDoc(second.driver.id)), driverDocKeys.assignments))[tripId],
    ).toMatchObject({
      status: 'assigned',
    });
    // The first driver is free again but declined already: nobody is left for this trip.
    expect((await act(tripId, second.driver.token, 'decline')).status).toBe(200);
    expect(
      (await (await t.request('GET', `/api/trips/${tripId}`, { token: rider.token })).json()).trip,
    ).toMatchObject({
      status: 'rejected',
      rejectReason: 'no_driver_found',
    });
    expect(await paymentOf(tripId)).toMatchObject({ status: 'failed', failureReason: 'trip_cancelled' });
    expect(
      (await docMap(docName(riderDoc(rider.id)), riderDocKeys.bookingDecisions))[intent.id],
    ).toMatchObject({
      status: 'rejected',
      reason: 'no_driver_found',
    });
  });

  it('cancels for free before the driver arrives, once, and frees the vehicle', async () => {
    const { fleet, intent, tripId } = await bookOne();
    expect((await act(tripId, fleet.driver.token, 'accept')).status).toBe(200);
    const res = await cancel(tripId);
    expect(res.status).toBe(200);
    expect((await res.json()).trip).toMatchObject({ status: 'cancelled', cancellationFee: 0 });
    expect((await cancel(tripId)).status).toBe(200);
    const cancelled = await t.database.db
      .select()
      .from(tripEvents)
      .where(eq(tripEvents.actionId, `cancel:${intent.id}`));
    expect(cancelled).toHaveLength(1);
    expect(await vehicleStatus(fleet.vehicleId)).toBe('available');
    expect(await paymentOf(tripId)).toMatchObject({ status: 'failed', failureReason: 'trip_cancelled' });
    expect(
      (await docMap(docName(driverDoc(fleet.driver.id)), driverDocKeys.assignments))[tripId],
    ).toMatchObject({
      status: 'cancelled',
    });
    expect((await act(tripId, fleet.driver.token, 'arrive')).status).toBe(409);
  });

  it('charges the cancellation fee after arrival and refuses to cancel a started trip', async () => {
    const { fleet, intent, tripId } = await bookOne();
    for (const a of ['accept', 'arrive']) expect((await act(tripId, fleet.driver.token, a)).status).toBe(200);
    const res = await cancel(tripId);
    expect((await res.json()).trip).toMatchObject({
      status: 'cancelled',
      cancellationFee: CANCELLATION_FEE.moto,
    });
    expect(await paymentOf(tripId)).toMatchObject({ status: 'pending', amount: CANCELLATION_FEE.moto });
    expect(
      (await docMap(docName(riderDoc(rider.id)), riderDocKeys.bookingDecisions))[intent.id],
    ).toMatchObject({
      tripStatus: 'cancelled',
      cancellationFee: CANCELLATION_FEE.moto,
    });

    await parkFleet(t.database.db);
    const started = await bookOne();
    for (const a of ['accept', 'arrive', 'start']) {
      expect((await act(started.tripId, started.fleet.driver.token, a)).status).toBe(200);
    }
    const late = await cancel(started.tripId);
    expect(late.status).toBe(409);
    expect((await late.json()).error.code).toBe('invalid_transition');
  });
});

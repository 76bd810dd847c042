import { fareFor, STALE_INTENT_MINUTES } from '@kigaligo/domain';
import { DEFAULT_OPTIONS, motoRide } from '@kigaligo/planner';
import { docName, driverDoc, driverDocKeys, riderDoc, riderDocKeys } from '@kigaligo/sync-protocol';
import { eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { outbox, payments, trips, vehicles } from '../db/schema';
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

describe.each(testDatabaseKinds)('booking trips on %s', (kind) => {
  let t: TestApp;
  let rider: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    t = await createTestApp(kind);
    rider = await makeUser(t.database.db, t.deps.jwtSecret, 'rider', 'Aline Uwase');
  });
  afterAll(() => t.dispose());
  beforeEach(() => parkFleet(t.database.db));

  const book = (body: unknown, token = rider.token) => t.request('POST', '/api/trips', { body, token });
  const docMap = (docName: string, key: string) => storedDocMap(t.database.db, docName, key);

  it('confirms a booking with the nearest vehicle, its driver, ETA and fare, and writes both documents', async () => {
    const far = await makeDriverOnShift(t.database.db, t.deps.jwtSecret, {
      at: { lat: CITY_CENTRE.lat - 0.02, lon: CITY_CENTRE.lon },
    });
    const near = await makeDriverOnShift(t.database.db, t.deps.jwtSecret, {
      at: { lat: CITY_CENTRE.lat - 0.005, lon: CITY_CENTRE.lon },
    });
    const intent = makeIntent();
    const res = await book(intent);
    expect(res.status).toBe(201);
    const { decision, trip } = await res.json();
    const meters = motoRide(intent.origin, intent.destination, DEFAULT_OPTIONS.detour).meters;
    expect(decision).toMatchObject({
      status: 'confirmed',
      intentId: intent.id,
      tripStatus: 'assigned',
      vehicle: { id: near.vehicleId, plate: near.plate, kind: 'moto' },
      driver: { id: near.driver.id, name: near.driver.name },
      fare: fareFor('moto', meters),
      payment: {
        method: 'cash',
        status: 'pending',
        amount: fareFor('moto', meters).amount,
        refundedAmount: 0,
      },
      cancellationFee: 0,
    });
    const nearAt = { lat: CITY_CENTRE.lat - 0.005, lon: CITY_CENTRE.lon };
    expect(decision.etaMinutes).toBe(
      Math.ceil(motoRide(nearAt, CITY_CENTRE, DEFAULT_OPTIONS.detour).secs / 60),
    );
    expect(trip).toMatchObject({
      id: decision.tripId,
      status: 'assigned',
      distanceMeters: meters,
      riderName: 'Aline',
    });
    const [v] = await t.database.db.select().from(vehicles).where(eq(vehicles.id, near.vehicleId));
    expect(v!.status).toBe('on_trip');
    const [other] = await t.database.db.select().from(vehicles).where(eq(vehicles.id, far.vehicleId));
    expect(other!.status).toBe('available');

    expect((await docMap(docName(riderDoc(rider.id)), riderDocKeys.bookingDecisions))[intent.id]).toEqual(
      decision,
    );
    expect(
      (await docMap(docName(driverDoc(near.driver.id)), driverDocKeys.assignments))[decision.tripId],
    ).toMatchObject({
      tripId: decision.tripId,
      status: 'assigned',
      riderName: 'Aline',
      paymentMethod: 'cash',
    });
    // Nothing is announced to the rider until the driver accepts the offer (booking/dispatch.test.ts).
    const mail = await t.database.db
      .select()
      .from(outbox)
      .where(like(outbox.idempotencyKey, `trip:${decision.tripId}:%`));
    expect(mail).toEqual([]);
  });

  it('books the same intent once however often it is posted, even at the same moment', async () => {
    await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    const intent = makeIntent({ paymentMethod: 'mobile_money', payerPhone: '+250788123456' });
    const [a, b] = await Promise.all([book(intent), book(intent)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    const again = await book(intent);
    expect(again.status).toBe(200);
    const first = await a.json();
    expect((await again.json()).decision).toEqual(first.decision);
    const rows = await t.database.db.select().from(trips).where(eq(trips.intentId, intent.id));
    expect(rows).toHaveLength(1);
    const paid = await t.database.db.select().from(payments).where(eq(payments.tripId, rows[0]!.id));
    expect(paid).toHaveLength(1);
    expect(paid[0]).toMatchObject({
      method: 'mobile_money',
      provider: 'mtn_momo',
      payerPhone: '+250788123456',
    });
    const available = await t.database.db.select().from(vehicles).where(eq(vehicles.status, 'available'));
    expect(available).toHaveLength(1);
  });

  it('refuses an intent id reused for another booking (422) and books nothing more; cancelling is no change', async () => {
    await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    const intent = makeIntent();
    expect((await book(intent)).status).toBe(201);
    const elsewhere = {
      ...intent,
      destination: { lat: intent.destination.lat + 0.01, lon: intent.destination.lon },
    };
    const reused = await book(elsewhere);
    expect(reused.status).toBe(422);
    expect((await reused.json()).error.code).toBe('idempotency_key_reused');
    const byCard = await book({ ...intent, paymentMethod: 'card' });
    expect(byCard.status).toBe(422);
    // The same intent with its keys in another order is the same booking.
    const reordered = Object.fromEntries(Object.entries(intent).reverse());
    expect((await book(reordered)).status).toBe(200);
    const rows = await t.database.db.select().from(trips).where(eq(trips.intentId, intent.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.destination).toEqual(intent.destination);
    const available = await t.database.db.select().from(vehicles).where(eq(vehicles.status, 'available'));
    expect(available).toHaveLength(1);
  });

  it('rejects a stale intent with reason stale, stores the decision and books nothing', async () => {
    const d = await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    const intent = makeIntent({
      createdAt: new Date(Date.now() - (STALE_INTENT_MINUTES + 5) * 60_000).toISOString(),
    });
    const res = await book(intent);
    expect(res.status).toBe(409);
    expect((await res.json()).error).toMatchObject({
      code: 'stale',
      message: expect.stringContaining('20 minutes'),
    });
    expect(
      (await docMap(docName(riderDoc(rider.id)), riderDocKeys.bookingDecisions))[intent.id],
    ).toMatchObject({
      status: 'rejected',
      reason: 'stale',
    });
    expect((await book(intent)).status).toBe(409);
    const [row] = await t.database.db.select().from(trips).where(eq(trips.intentId, intent.id));
    expect(row).toMatchObject({ status: 'rejected', rejectReason: 'stale', vehicleId: null });
    const [v] = await t.database.db.select().from(vehicles).where(eq(vehicles.id, d.vehicleId));
    expect(v!.status).toBe('available');
  });

  it('answers no_vehicle_available clearly when nothing fresh and near is free, and refuses outside Kigali', async () => {
    // A car is asked for, only a moto is near; a car whose position is old; a car too far away.
    await makeDriverOnShift(t.database.db, t.deps.jwtSecret, { kind: 'moto' });
    await makeDriverOnShift(t.database.db, t.deps.jwtSecret, {
      kind: 'car',
      recordedAt: new Date(Date.now() - 30 * 60_000),
    });
    await makeDriverOnShift(t.database.db, t.deps.jwtSecret, {
      kind: 'car',
      at: { lat: CITY_CENTRE.lat - 0.1, lon: CITY_CENTRE.lon },
    });
    const res = await book(makeIntent({ kind: 'car' }));
    expect(res.status).toBe(409);
    const { error } = await res.json();
    expect(error).toEqual({
      code: 'no_vehicle_available',
      message: 'No car is free near your pickup right now. Please try again in a few minutes.',
    });
    const outside = await book(makeIntent({ destination: { lat: -1.5, lon: 30.06 } }));
    expect(outside.status).toBe(409);
    expect((await outside.json()).error.code).toBe('outside_service_area');
    const invalid = await book({ ...makeIntent(), kind: 'bus' });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).error.code).toBe('validation_failed');
  });

  it('lets only riders book, and keeps each trip to its rider, its driver and admins', async () => {
    const d = await makeDriverOnShift(t.database.db, t.deps.jwtSecret);
    const { decision } = await (await book(makeIntent())).json();
    const other = await makeUser(t.database.db, t.deps.jwtSecret, 'rider');
    const otherDriver = await makeUser(t.database.db, t.deps.jwtSecret, 'driver');
    const admin = await makeUser(t.database.db, t.deps.jwtSecret, 'admin');
    expect((await book(makeIntent(), d.driver.token)).status).toBe(403);
    const path = `/api/trips/${decision.tripId}`;
    for (const token of [other.token, otherDriver.token]) {
      expect((await t.request('GET', path, { token })).status).toBe(404);
    }
    expect((await t.request('POST', `${path}/cancel`, { token: other.token })).status).toBe(404);
    for (const token of [rider.token, d.driver.token, admin.token]) {
      const res = await t.request('GET', path, { token });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body.trip.id).toBe(decision.tripId);
      expect(body.events.map((e: { toStatus: string }) => e.toStatus)).toEqual(['requested', 'assigned']);
      expect(body.payments).toHaveLength(1);
      expect(body.refunds).toEqual([]);
    }
    const list = async (token: string, q = '') =>
      ((await (await t.request('GET', `/api/trips${q}`, { token })).json()).trips as { id: string }[]).map(
        (x) => x.id,
      );
    expect(await list(rider.token)).toContain(decision.tripId);
    expect(await list(d.driver.token)).toEqual([decision.tripId]);
    expect(await list(other.token)).toEqual([]);
    expect(await list(admin.token, '?status=assigned&limit=200')).toContain(decision.tripId);
    expect((await t.request('GET', '/api/trips?limit=0', { token: admin.token })).status).toBe(400);
    expect((await t.request('GET', '/api/trips/not-a-uuid', { token: admin.token })).status).toBe(404);
    const api = await (await t.request('GET', '/api/openapi.json')).json();
    expect(api.paths['/api/trips'].post.requestBody.content['application/json'].schema.required).toContain(
      'kind',
    );
    expect(Object.keys(api.paths)).toEqual(
      expect.arrayContaining(['/api/trips/{id}', '/api/trips/{id}/actions', '/api/trips/{id}/cancel']),
    );
  });
});
